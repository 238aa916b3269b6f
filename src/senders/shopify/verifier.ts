import { createVerifier, type Verifier, type VerifierOptions } from '../../core/verifier.js';
import { shopify } from './sender.js';

/**
 * Creates a verifier for Shopify webhook deliveries. Shopify signs no timestamp, so every
 * delivery is `replayable`: receive it with dedupe on `delivery.id` (a digest of the signed
 * body). Build it once at startup and share it.
 *
 * @example
 * ```ts
 * import { createShopifyVerifier } from 'hookverify/shopify';
 *
 * const verifier = createShopifyVerifier({ secret: process.env.SHOPIFY_API_SECRET });
 * const delivery = await verifier.verify({ body: rawBody, headers: request.headers });
 * console.log(delivery.eventType, delivery.id, delivery.replayable); // "orders/create", the body's SHA-256, true
 * ```
 */
export function createShopifyVerifier(options: VerifierOptions): Verifier {
  return createVerifier(shopify, options);
}
