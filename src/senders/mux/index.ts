/**
 * `hookverify/mux`: verify Mux webhooks.
 *
 * @module
 */
export { mux } from './sender.js';
export { createMuxVerifier } from './verifier.js';
