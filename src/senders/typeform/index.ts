/**
 * `hookverify/typeform`: verify Typeform webhook deliveries.
 *
 * @module
 */
export { typeform } from './sender.js';
export { createTypeformVerifier } from './verifier.js';
