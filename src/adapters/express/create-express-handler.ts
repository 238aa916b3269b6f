import { ConfigurationError } from '../../core/errors.js';
import type { WebhookReceiver } from '../../core/pipeline/create-webhook-receiver.js';
import { distinctHeaders } from '../node-http/distinct-headers.js';
import { sendNodeResponse, type NodeResponseLike } from '../node-http/send-node-response.js';
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
 * Adapts a receiver to Express 4 and 5. Mount it on its own route, either before any JSON
 * body parser (it then reads the raw bytes itself, stopping at `maxBodyBytes`) or behind
 * `express.raw({ type: () => true, limit: '1mb' })` (it takes the Buffer; express.raw's own
 * default limit is 100 KB). When `express.json()` already parsed the
 * body, the request goes to your error handler as a `ConfigurationError` with code
 * `body_already_parsed` saying how to mount the route: a parsed body is never re-serialized.
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
  return function hookverifyExpressHandler(req, res, next) {
    let setupError: ConfigurationError | undefined;
    const source = rawBodyOf(req);
    const body =
      typeof source === 'function'
        ? (maxBytes: number) =>
            source(maxBytes).catch((error: unknown) => {
              if (error instanceof ConfigurationError) setupError = error;
              throw error;
            })
        : source;
    receiver.receive({ method: req.method, headers: distinctHeaders(req), body }).then((response) => {
      // A setup error is the developer's to see: Express's error handling shows it, with the fix.
      if (setupError !== undefined) next(setupError);
      else sendNodeResponse(res, response);
    }, next);
  };
}
