import { ConfigurationError } from '../../core/errors.js';
import type { WebhookReceiver } from '../../core/pipeline/create-webhook-receiver.js';
import { createFetchHandler, type FetchHandler } from '../fetch/create-fetch-handler.js';
import { distinctHeaders, type NodeHeadersLike } from '../node-http/distinct-headers.js';
import { nodeRequestUrl, type NodeUrlLike } from '../node-http/request-url.js';
import { readNodeBody, type NodeReadableLike } from '../node-http/read-node-body.js';
import { sendNodeResponse, type NodeResponseLike } from '../node-http/send-node-response.js';
import { warnSetupOnce } from '../node-http/warn-setup-once.js';

/**
 * An App Router route handler: `export const POST = createNextRouteHandler(receiver)` in
 * `app/.../route.ts`. It is the Fetch adapter: the body is read from `request.body`, which
 * route handlers never parse, and it runs on both the Node.js and the Edge runtime
 * (`export const runtime = 'edge'`; hookverify then uses Web Crypto). A Pages Router API route
 * on the Edge runtime also receives a `Request`: use this handler there too.
 *
 * @example
 * ```ts
 * // app/webhooks/peridio/route.ts
 * import { createWebhookReceiver } from 'hookverify';
 * import { createNextRouteHandler } from 'hookverify/next';
 * import { createPeridioVerifier } from 'hookverify/peridio';
 *
 * const receiver = createWebhookReceiver({
 *   verifier: createPeridioVerifier({ secret: process.env.PERIDIO_WEBHOOK_SECRET }),
 *   handle: (payload) => console.log(payload),
 * });
 * export const POST = createNextRouteHandler(receiver);
 * ```
 */
export function createNextRouteHandler(receiver: WebhookReceiver): FetchHandler {
  return createFetchHandler(receiver);
}

/**
 * The parts of a Pages Router `NextApiRequest` the handler reads.
 *
 * @example
 * ```ts
 * import type { NextApiRequestLike } from 'hookverify/next';
 *
 * // A NextApiRequest is one.
 * const request: NextApiRequestLike = req;
 * ```
 */
export interface NextApiRequestLike extends NodeReadableLike, NodeHeadersLike, Omit<NodeUrlLike, 'headers'> {
  readonly method?: string | undefined;
  readonly body?: unknown;
}

/**
 * A Pages Router API route handler.
 *
 * @example
 * ```ts
 * import { createNextApiHandler, type NextApiHandlerLike } from 'hookverify/next';
 *
 * const handler: NextApiHandlerLike = createNextApiHandler(receiver);
 * export default handler;
 * ```
 */
export type NextApiHandlerLike = (req: NextApiRequestLike, res: NodeResponseLike) => Promise<void>;

const DISABLE_BODY_PARSER =
  'Next.js parsed this request body before hookverify, and a parsed body cannot be verified: add ' +
  '`export const config = { api: { bodyParser: false } }` to this API route file';

/**
 * A Pages Router API route (`pages/api/...`). Next.js must not parse the body, so the file
 * must also export `export const config = { api: { bodyParser: false } }` (Next.js reads that
 * object from the file itself, so it has to be written there literally). If it is missing,
 * requests are answered 500 `body_already_parsed`, the hooks' `onError` receives a
 * `ConfigurationError` saying so, and its message is printed once with `console.warn`.
 *
 * @example
 * ```ts
 * // pages/api/webhooks/edgesense.ts
 * import { createWebhookReceiver } from 'hookverify';
 * import { createNextApiHandler } from 'hookverify/next';
 * import { createEdgeSenseVerifier } from 'hookverify/edgesense';
 *
 * export const config = { api: { bodyParser: false } };
 * export default createNextApiHandler(
 *   createWebhookReceiver({
 *     verifier: createEdgeSenseVerifier({ secret: process.env.EDGESENSE_WEBHOOK_SECRET }),
 *     handle: (payload) => console.log(payload),
 *   }),
 * );
 * ```
 */
export function createNextApiHandler(receiver: WebhookReceiver): NextApiHandlerLike {
  const warnSetup = warnSetupOnce();
  return async function hookverifyNextApiHandler(req, res) {
    // With the body parser disabled Next.js leaves `body` undefined and the stream unread.
    const parsed = req.body !== undefined;
    const response = await receiver.receive({
      method: req.method ?? 'GET',
      headers: distinctHeaders(req),
      url: nodeRequestUrl(req),
      body: parsed
        ? () => {
            const error = new ConfigurationError('body_already_parsed', DISABLE_BODY_PARSER);
            warnSetup(error);
            return Promise.reject(error);
          }
        : (maxBytes) => readNodeBody(req, maxBytes),
    });
    sendNodeResponse(res, response);
  };
}
