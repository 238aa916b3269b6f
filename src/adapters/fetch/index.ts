/**
 * `hookverify/fetch`: the receiving pipeline as a Fetch API handler, for Bun, Deno, Cloudflare
 * Workers, Hono and anything else that speaks `Request` and `Response`.
 *
 * @module
 */
export { createFetchHandler, type FetchHandler } from './create-fetch-handler.js';
