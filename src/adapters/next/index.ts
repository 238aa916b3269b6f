/**
 * `hookverify/next`: the receiving pipeline as a Next.js App Router route handler (Node.js and
 * Edge runtimes) or a Pages Router API route.
 *
 * @module
 */
export {
  createNextApiHandler,
  createNextRouteHandler,
  type NextApiHandlerLike,
  type NextApiRequestLike,
} from './create-next-handlers.js';
export { createNextRouteHandlers, type NextRouteHandlers } from './create-next-route-handlers.js';
export type { FetchHandler } from '../fetch/create-fetch-handler.js';
export type { NodeResponseLike } from '../node-http/send-node-response.js';
export type { NodeReadableLike } from '../node-http/read-node-body.js';
export type { NodeHeadersLike } from '../node-http/distinct-headers.js';
export type { NodeUrlLike } from '../node-http/request-url.js';
