/**
 * `hookverify/stripe`: verify Stripe webhook deliveries.
 *
 * @module
 */
export { stripe } from './sender.js';
export { createStripeVerifier } from './verifier.js';
