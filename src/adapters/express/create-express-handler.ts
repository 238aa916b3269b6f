import type { WebhookReceiver } from '../../core/pipeline/create-webhook-receiver.js';
import { distinctHeaders } from '../node-http/distinct-headers.js';
import { nodeRequestUrl } from '../node-http/request-url.js';
import { sendNodeResponse, type NodeResponseLike } from '../node-http/send-node-response.js';
import { warnSetupOnce } from '../node-http/warn-setup-once.js';
import { rawBodyOf, type ExpressRequestLike } from './raw-body-of.js';

/**
 * An Express (4 or 5) request handler.
 *
 * @example
 * ```ts
 * import { createExpressHandler, type ExpressHandler } from 'hookverify/express';
 *
 * const webhook: ExpressHandler = createExpressHandler(receiver);
 * app.all('/webhooks/peridio', webhook);
 * ```
 */
export type ExpressHandler = (req: ExpressRequestLike, res: NodeResponseLike, next: (error?: unknown) => void) => void;

/**
 * Adapts a receiver to Express 4 and 5. Mount it on its own route before any JSON body parser
 * (it then reads the raw bytes itself, stopping at `maxBodyBytes` and `bodyTimeout`), or
 * behind `express.raw({ type: () => true, limit: '1mb' })` (it takes the Buffer; express.raw's
 * own default limit is 100 KB). When `express.json()` ran first the body is gone and a parsed
 * body is never re-serialized: the request is answered 500 `{"error":"body_already_parsed"}`,
 * the hooks' `onError` receives a `ConfigurationError`, and its message, which says how to
 * mount the route, is printed once with `console.warn`.
 *
 * Use `app.post(path, handler)`, or `app.all(path, handler)` to have other methods answered
 * with 405 by hookverify rather than 404 by Express.
 *
 * @example
 * ```ts
 * import express from 'express';
 * import { createWebhookReceiver } from 'hookverify';
 * import { createExpressHandler } from 'hookverify/express';
 * import { createPeridioVerifier } from 'hookverify/peridio';
 *
 * const app = express();
 * const receiver = createWebhookReceiver({
 *   verifier: createPeridioVerifier({ secret: process.env.PERIDIO_WEBHOOK_SECRET }),
 *   handle: (payload) => console.log(payload),
 * });
 * app.post('/webhooks/peridio', createExpressHandler(receiver)); // before app.use(express.json())
 * app.use(express.json());
 * ```
 */
export function createExpressHandler(receiver: WebhookReceiver): ExpressHandler {
  const warnSetup = warnSetupOnce();
  return function hookverifyExpressHandler(req, res, next) {
    const source = rawBodyOf(req);
    const body =
      typeof source === 'function'
        ? (maxBytes: number, signal?: AbortSignal) =>
            source(maxBytes, signal).catch((error: unknown) => {
              warnSetup(error);
              throw error;
            })
        : source;
    // Every outcome, a setup error included, is the pipeline's JSON answer: Express's error
    // handler would send the sender an HTML page (a stack trace outside production).
    // originalUrl: a mounted router strips its own path from req.url.
    const url = nodeRequestUrl(req, req.originalUrl ?? req.url);
    receiver.receive({ method: req.method, headers: distinctHeaders(req), body, url }).then((response) => sendNodeResponse(res, response), next);
  };
}
