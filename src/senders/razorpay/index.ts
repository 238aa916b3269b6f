/**
 * `hookverify/razorpay`: verify Razorpay webhook deliveries (replayable: no signed timestamp).
 *
 * @module
 */
export { razorpay } from './sender.js';
export { createRazorpayVerifier } from './verifier.js';
