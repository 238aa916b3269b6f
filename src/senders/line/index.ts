/**
 * `hookverify/line`: verify LINE Messaging API webhook deliveries (replayable: no signed timestamp).
 *
 * @module
 */
export { line } from './sender.js';
export { createLineVerifier } from './verifier.js';
