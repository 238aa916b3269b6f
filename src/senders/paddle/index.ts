/**
 * `hookverify/paddle`: verify Paddle Billing notifications.
 *
 * @module
 */
export { paddle } from './sender.js';
export { createPaddleVerifier } from './verifier.js';
