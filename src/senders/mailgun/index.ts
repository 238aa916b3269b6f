/**
 * `hookverify/mailgun`: verify Mailgun webhook deliveries (the signature is in the body).
 *
 * @module
 */
export { mailgun } from './sender.js';
export { createMailgunVerifier } from './verifier.js';
