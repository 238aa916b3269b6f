/**
 * `hookverify/fastify`: the receiving pipeline as a Fastify 5 plugin with its own raw-body route.
 *
 * @module
 */
export { hookverifyFastify, type HookverifyFastifyOptions } from './hookverify-fastify.js';
