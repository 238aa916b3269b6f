/**
 * `hookverify/twilio`: verify Twilio webhooks, form-encoded and JSON.
 *
 * @module
 */
export { twilio, twilioJson } from './sender.js';
export { createTwilioJsonVerifier, createTwilioVerifier } from './verifier.js';
