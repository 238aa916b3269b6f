/**
 * `hookverify/sentry`: verify Sentry integration webhooks.
 *
 * @module
 */
export { sentry } from './sender.js';
export { createSentryVerifier } from './verifier.js';
