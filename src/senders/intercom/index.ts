/**
 * `hookverify/intercom`: verify Intercom webhooks.
 *
 * @module
 */
export { intercom } from './sender.js';
export { createIntercomVerifier } from './verifier.js';
