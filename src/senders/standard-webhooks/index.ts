/**
 * `hookverify/standard-webhooks`: verify deliveries that follow the Standard Webhooks
 * specification, symmetric (`v1`, HMAC) or asymmetric (`v1a`, Ed25519).
 *
 * @module
 */
export { standardWebhooks } from './sender.js';
export { createStandardWebhooksVerifier } from './verifier.js';
export { standardWebhooksV1a } from './v1a-sender.js';
export { createStandardWebhooksV1aVerifier } from './v1a-verifier.js';
