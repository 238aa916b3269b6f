/**
 * `hookverify/coinbase-commerce`: verify Coinbase Commerce webhooks.
 *
 * @module
 */
export { coinbaseCommerce } from './sender.js';
export { createCoinbaseCommerceVerifier } from './verifier.js';
