/**
 * `hookverify/express`: the receiving pipeline as an Express 4 or 5 route handler.
 *
 * @module
 */
export { createExpressHandler, type ExpressHandler } from './create-express-handler.js';
export type { ExpressRequestLike } from './raw-body-of.js';
export type { NodeResponseLike } from '../node-http/send-node-response.js';
export type { NodeReadableLike } from '../node-http/read-node-body.js';
export type { NodeHeadersLike } from '../node-http/distinct-headers.js';
