import { ConfigurationError } from '../../core/errors.js';
import type { WebhookReceiver } from '../../core/pipeline/create-webhook-receiver.js';
import { createFetchHandler, type FetchHandler } from '../fetch/create-fetch-handler.js';

/**
 * One App Router handler per HTTP method, all the same pipeline: POST is received, every other
 * method is answered 405 `{"error":"method_not_allowed"}` with `Allow: POST`. A route that
 * exports only `POST` gets Next.js's own empty 405 for a GET instead.
 *
 * @example
 * ```ts
 * import { createNextRouteHandlers, type NextRouteHandlers } from 'hookverify/next';
 *
 * const handlers: NextRouteHandlers = createNextRouteHandlers(receiver);
 * export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = handlers;
 * ```
 */
export interface NextRouteHandlers {
  readonly GET: FetchHandler;
  readonly HEAD: FetchHandler;
  readonly POST: FetchHandler;
  readonly PUT: FetchHandler;
  readonly PATCH: FetchHandler;
  readonly DELETE: FetchHandler;
  readonly OPTIONS: FetchHandler;
}

/**
 * The App Router handlers of a webhook route, for `app/.../route.ts`: export them all, so that
 * a GET or a probe is answered by the pipeline (405 `method_not_allowed`, `Allow: POST`) and
 * seen by its hooks, not by Next.js. Give the receiver, or a function that builds it: that is
 * called on the first request, so `next build`, which loads route files, needs no secrets.
 * Runs on the Node.js and the Edge runtime, like {@link createNextRouteHandler}.
 *
 * @example
 * ```ts
 * // app/webhooks/peridio/route.ts
 * import { createWebhookReceiver } from 'hookverify';
 * import { createNextRouteHandlers } from 'hookverify/next';
 * import { createPeridioVerifier } from 'hookverify/peridio';
 *
 * export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = createNextRouteHandlers(() =>
 *   createWebhookReceiver({
 *     verifier: createPeridioVerifier({ secret: process.env.PERIDIO_WEBHOOK_SECRET }),
 *     handle: (payload) => console.log(payload),
 *   }),
 * );
 * ```
 */
export function createNextRouteHandlers(receiver: WebhookReceiver | (() => WebhookReceiver)): NextRouteHandlers {
  const build = typeof receiver === 'function' ? receiver : undefined;
  if (build === undefined && typeof (receiver as WebhookReceiver | null)?.receive !== 'function') {
    throw new ConfigurationError('invalid_option', 'createNextRouteHandlers needs a receiver, or a function that returns one');
  }
  let handle: FetchHandler | undefined = build === undefined ? createFetchHandler(receiver as WebhookReceiver) : undefined;
  // Built once, on the first request; a factory that throws (a secret not set) is tried again on the next.
  const hookverifyNextRoute: FetchHandler = async (request) => {
    handle ??= createFetchHandler(build!());
    return handle(request);
  };
  return Object.freeze({
    GET: hookverifyNextRoute,
    HEAD: hookverifyNextRoute,
    POST: hookverifyNextRoute,
    PUT: hookverifyNextRoute,
    PATCH: hookverifyNextRoute,
    DELETE: hookverifyNextRoute,
    OPTIONS: hookverifyNextRoute,
  });
}
