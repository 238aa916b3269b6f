import type { WebhookReceiver } from '../../core/pipeline/create-webhook-receiver.js';
import { readRequestBody } from './read-request-body.js';

/**
 * A Fetch API request handler: `(request) => Promise<Response>`.
 *
 * @example
 * ```ts
 * import { createFetchHandler, type FetchHandler } from 'hookverify/fetch';
 *
 * const handler: FetchHandler = createFetchHandler(receiver);
 * Deno.serve(handler);
 * ```
 */
export type FetchHandler = (request: Request) => Promise<Response>;

/**
 * Adapts a receiver to the Fetch API: `Request` in, `Response` out. Use it directly on Bun,
 * Deno and Cloudflare Workers (for Hono, `hookverify/hono`); the
 * Next.js App Router adapter is this one. The body is read from the request stream with
 * {@link readRequestBody}: reading stops, and the stream is cancelled, at the receiver's `maxBodyBytes`.
 *
 * @example
 * ```ts
 * import { createWebhookReceiver } from 'hookverify';
 * import { createFetchHandler } from 'hookverify/fetch';
 * import { createPeridioVerifier } from 'hookverify/peridio';
 *
 * const receiver = createWebhookReceiver({
 *   verifier: createPeridioVerifier({ secret: process.env.PERIDIO_WEBHOOK_SECRET }),
 *   handle: (payload) => console.log(payload),
 * });
 * Bun.serve({ port: 3000, fetch: createFetchHandler(receiver) });
 * ```
 */
export function createFetchHandler(receiver: WebhookReceiver): FetchHandler {
  return async function hookverifyFetchHandler(request: Request): Promise<Response> {
    const response = await receiver.receive({
      method: request.method,
      headers: request.headers,
      url: request.url,
      body: (maxBytes, signal) => readRequestBody(request, { maxBodyBytes: maxBytes, signal }),
    });
    return new Response(response.body, { status: response.status, headers: response.headers });
  };
}
