import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebhookReceiver } from '../../core/pipeline/create-webhook-receiver.js';
import { distinctHeaders } from '../node-http/distinct-headers.js';
import { nodeRequestUrl } from '../node-http/request-url.js';
import { readNodeBody, type NodeReadableLike } from '../node-http/read-node-body.js';
import { closesConnection } from '../node-http/send-node-response.js';

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

/**
 * A Fastify 5 plugin that registers one webhook route, on every method (the pipeline answers
 * 405 to anything but POST). The route answers from its own `onRequest` hook, reading the raw
 * request stream itself (stopping at `maxBodyBytes` and `bodyTimeout`): Fastify's body parsing
 * never runs for it, so a delivery reaches the pipeline whatever its `content-type` (Fastify
 * would answer its own 415 to one that is empty, has no subtype, or lists two types), and the
 * app's JSON parsing is untouched. Your app-level `onRequest`, `onSend` and `onResponse` hooks
 * run for the route; `preParsing`, `preValidation` and `preHandler` hooks do not.
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

  async function hookverifyFastifyRoute(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const stream = request.raw as unknown as NodeReadableLike;
    const response = await receiver.receive({
      method: request.method,
      // Every header line, as Node received it: the verifier refuses a repeated one.
      headers: distinctHeaders(request.raw),
      url: nodeRequestUrl(request.raw),
      body: (maxBytes) => readNodeBody(stream, maxBytes),
    });
    reply.code(response.status).headers(response.headers);
    if (closesConnection(response.status)) reply.header('connection', 'close');
    // Returned from a hook, the reply (a thenable) holds Fastify's lifecycle until it is sent.
    return reply.send(response.body);
  }

  // Fastify 5 checks content-type (a 415 for one that is not a valid media type) after
  // onRequest and before any content-type parser, a catch-all included: answering in onRequest
  // is the one place every delivery reaches. The handler is never reached; it is the same
  // function so that it would answer correctly if it were.
  fastify.all(path, { onRequest: hookverifyFastifyRoute }, hookverifyFastifyRoute);
}
