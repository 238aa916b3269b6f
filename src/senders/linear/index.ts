/**
 * `hookverify/linear`: verify Linear webhooks.
 *
 * @module
 */
export { linear } from './sender.js';
export { createLinearVerifier } from './verifier.js';
