/**
 * `hookverify/peridio`: verify Peridio webhook deliveries.
 *
 * @module
 */
export { peridio } from './sender.js';
export { createPeridioVerifier } from './verifier.js';
