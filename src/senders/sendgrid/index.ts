/**
 * `hookverify/sendgrid`: verify SendGrid Event Webhook deliveries (ECDSA P-256).
 *
 * @module
 */
export { sendgrid } from './sender.js';
export { createSendGridVerifier } from './verifier.js';
