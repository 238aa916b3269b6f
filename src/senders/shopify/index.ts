/**
 * `hookverify/shopify`: verify Shopify webhook deliveries (replayable: no signed timestamp).
 *
 * @module
 */
export { shopify } from './sender.js';
export { createShopifyVerifier } from './verifier.js';
