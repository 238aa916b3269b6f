/**
 * `hookverify/hono`: the receiving pipeline as a Hono route handler, reading the raw request
 * body once, within the size limit.
 *
 * @module
 */
export { createHonoHandler, type HonoContextLike, type HonoHandler } from './create-hono-handler.js';
