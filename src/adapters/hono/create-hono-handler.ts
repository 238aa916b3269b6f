import type { WebhookReceiver } from '../../core/pipeline/create-webhook-receiver.js';
import { createFetchHandler } from '../fetch/create-fetch-handler.js';

/**
 * The part of a Hono `Context` the handler reads: the request as the runtime delivered it.
 * Typed here rather than imported, so `hookverify/hono` needs no Hono types to compile.
 *
 * @example
 * ```ts
 * import type { HonoContextLike } from 'hookverify/hono';
 *
 * // A Hono Context is one.
 * const context: HonoContextLike = c;
 * ```
 */
export interface HonoContextLike {
  readonly req: { readonly raw: Request };
}

/**
 * A Hono handler: it answers every request itself and never calls `next`.
 *
 * @example
 * ```ts
 * import { createHonoHandler, type HonoHandler } from 'hookverify/hono';
 *
 * const webhook: HonoHandler = createHonoHandler(receiver);
 * app.post('/webhooks/peridio', webhook);
 * ```
 */
export type HonoHandler = (c: HonoContextLike) => Promise<Response>;

/**
 * Adapts a receiver to Hono, on any runtime Hono runs on (Bun, Deno, Cloudflare Workers, Node
 * with `@hono/node-server`). The raw body is read once from `c.req.raw`, stopping at the
 * receiver's `maxBodyBytes`; Hono's own body helpers (`c.req.json()`, `c.req.text()`,
 * validators) are never used, because what they return is parsed or decoded, and a parsed
 * body cannot be verified. If a middleware before this handler read the body through them,
 * the request is answered 500 `{"error":"body_already_parsed"}` and the hooks' `onError`
 * receives a `ConfigurationError` saying so.
 *
 * @example
 * ```ts
 * import { Hono } from 'hono';
 * import { createWebhookReceiver } from 'hookverify';
 * import { createHonoHandler } from 'hookverify/hono';
 * import { createPeridioVerifier } from 'hookverify/peridio';
 *
 * const receiver = createWebhookReceiver({
 *   verifier: createPeridioVerifier({ secret: process.env.PERIDIO_WEBHOOK_SECRET }),
 *   handle: (payload) => console.log(payload),
 * });
 * const app = new Hono();
 * app.post('/webhooks/peridio', createHonoHandler(receiver));
 * export default app;
 * ```
 */
export function createHonoHandler(receiver: WebhookReceiver): HonoHandler {
  const handle = createFetchHandler(receiver);
  return function hookverifyHonoHandler(c: HonoContextLike): Promise<Response> {
    return handle(c.req.raw);
  };
}
