/**
 * `hookverify/lemon-squeezy`: verify Lemon Squeezy webhooks.
 *
 * @module
 */
export { lemonSqueezy } from './sender.js';
export { createLemonSqueezyVerifier } from './verifier.js';
