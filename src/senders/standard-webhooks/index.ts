/**
 * `hookverify/standard-webhooks`: verify deliveries that follow the Standard Webhooks specification.
 *
 * @module
 */
export { standardWebhooks } from './sender.js';
export { createStandardWebhooksVerifier } from './verifier.js';
