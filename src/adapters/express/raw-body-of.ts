import type { RawBody } from '../../core/body.js';
import { ConfigurationError } from '../../core/errors.js';
import type { BodyReader } from '../../core/pipeline/received-request.js';
import type { NodeHeadersLike } from '../node-http/distinct-headers.js';
import { readNodeBody, type NodeReadableLike } from '../node-http/read-node-body.js';

/**
 * The parts of an Express 4 or 5 request the adapter reads.
 *
 * @example
 * ```ts
 * import type { ExpressRequestLike } from 'hookverify/express';
 *
 * // An Express 4 or 5 `req` is one.
 * const request: ExpressRequestLike = req;
 * ```
 */
export interface ExpressRequestLike extends NodeReadableLike, NodeHeadersLike {
  readonly method: string;
  readonly originalUrl?: string;
  readonly url?: string;
  readonly body?: unknown;
  readonly readableEnded?: boolean;
  readonly complete?: boolean;
  readonly readable?: boolean;
  /** Whether the connection is TLS, for the request URL of senders that sign it. */
  readonly socket?: unknown;
}

/** The fix, for the route at `path`; express.raw() is no fix once express.json() has run (it skips a parsed request). */
function howToMount(path: string): string {
  return (
    `a body parser (express.json(), express.text() or express.urlencoded()) read the body of ${path} before hookverify, ` +
    'and a parsed body cannot be verified: it is answered 500 body_already_parsed. ' +
    `Mount the webhook route before the parser: app.post('${path}', handler) above app.use(express.json()). ` +
    `If the parser must come first, skip it on this path: const json = express.json(); ` +
    `app.use((req, res, next) => (req.path === '${path}' ? next() : json(req, res, next))).`
  );
}

/**
 * Where the raw bytes are: a Buffer left by `express.raw()`, or the unread request stream.
 * A stream that some parser already consumed (Express 4's body-parser marks it with `_body`,
 * and both versions leave the stream ended) cannot be read again: that is a setup error.
 */
export function rawBodyOf(req: ExpressRequestLike): RawBody | BodyReader {
  const body = req.body;
  if (body instanceof Uint8Array) return body;
  const consumed =
    (req as { _body?: unknown })._body === true || req.readableEnded === true || (req.complete === true && req.readable === false);
  // Express 4's express.json() sets req.body = {} even when it did not parse (wrong content
  // type), leaving the stream unread: only a consumed stream means the bytes are gone.
  if (consumed) {
    // The path only, never the query string (some put tokens there).
    const path = (req.originalUrl ?? req.url ?? '/').split('?')[0]!;
    return () => Promise.reject(new ConfigurationError('body_already_parsed', howToMount(path)));
  }
  return (maxBytes) => readNodeBody(req, maxBytes);
}
