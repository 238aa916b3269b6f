import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebhookReceiver } from '../../core/pipeline/create-webhook-receiver.js';
import { distinctHeaders } from '../node-http/distinct-headers.js';
import { readNodeBody, type NodeReadableLike } from '../node-http/read-node-body.js';

/**
 * Options of {@link hookverifyFastify}.
 *
 * @example
 * ```ts
 * import { hookverifyFastify, type HookverifyFastifyOptions } from 'hookverify/fastify';
 *
 * const options: HookverifyFastifyOptions = { path: '/webhooks/edgesense', receiver };
 * await app.register(hookverifyFastify, options);
 * ```
 */
export interface HookverifyFastifyOptions {
  /** The route's URL, e.g. `"/webhooks/peridio"`. */
  readonly path: string;
  /** The pipeline to run, from `createWebhookReceiver`. */
  readonly receiver: WebhookReceiver;
}

function isReadable(value: unknown): value is NodeReadableLike {
  return typeof (value as NodeReadableLike | null)?.on === 'function';
}

/**
 * A Fastify 5 plugin that registers one webhook route. It is not wrapped with
 * `fastify-plugin`, so its content-type parser stays inside its own encapsulation context:
 * the route receives the raw request stream (the pipeline reads it, stopping at
 * `maxBodyBytes`), and JSON parsing for the rest of the app is unchanged. Every method is
 * routed to the pipeline, which answers 405 to anything but POST.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { createWebhookReceiver } from 'hookverify';
 * import { hookverifyFastify } from 'hookverify/fastify';
 * import { createPeridioVerifier } from 'hookverify/peridio';
 *
 * const app = Fastify();
 * const receiver = createWebhookReceiver({
 *   verifier: createPeridioVerifier({ secret: process.env.PERIDIO_WEBHOOK_SECRET }),
 *   handle: (payload) => console.log(payload),
 * });
 * await app.register(hookverifyFastify, { path: '/webhooks/peridio', receiver });
 * ```
 */
export async function hookverifyFastify(fastify: FastifyInstance, options: HookverifyFastifyOptions): Promise<void> {
  const { path, receiver } = options;
  // Only this plugin's context: the app's own JSON and text parsers are untouched outside it.
  fastify.removeAllContentTypeParsers();
  // Hand over the stream unread (after any preParsing hook, e.g. decompression), so that the
  // pipeline sees the exact bytes and applies its own limit.
  fastify.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

  fastify.all(path, async function hookverifyFastifyRoute(request: FastifyRequest, reply: FastifyReply) {
    const stream = isReadable(request.body) ? request.body : (request.raw as unknown as NodeReadableLike);
    const response = await receiver.receive({
      method: request.method,
      // Every header line, as Node received it: the verifier refuses a repeated one.
      headers: distinctHeaders(request.raw),
      body: (maxBytes) => readNodeBody(stream, maxBytes),
    });
    reply.code(response.status).headers(response.headers);
    if (response.status === 413) reply.header('connection', 'close');
    return reply.send(response.body);
  });
}
