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
  readonly body?: unknown;
  readonly readableEnded?: boolean;
  readonly complete?: boolean;
  readonly readable?: boolean;
}

const HOW_TO_MOUNT =
  'a body parser (express.json(), express.text() or express.urlencoded()) read this request before hookverify, ' +
  'and a parsed body cannot be verified: mount the webhook route before app.use(express.json()), ' +
  "or give it express.raw({ type: '*/*' }) so the raw bytes are kept";

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
    return () => Promise.reject(new ConfigurationError('body_already_parsed', HOW_TO_MOUNT));
  }
  return (maxBytes) => readNodeBody(req, maxBytes);
}
