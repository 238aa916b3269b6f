/**
 * `hookverify/fetch`: the receiving pipeline as a Fetch API handler, for Bun, Deno, Cloudflare
 * Workers, Hono and anything else that speaks `Request` and `Response`; and `readRequestBody`,
 * the bounded body read it uses, for route handlers that call a verifier themselves.
 *
 * @module
 */
export { createFetchHandler, type FetchHandler } from './create-fetch-handler.js';
export { readRequestBody, type ReadRequestBodyOptions } from './read-request-body.js';
