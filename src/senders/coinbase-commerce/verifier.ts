import { createVerifier, type Verifier, type VerifierOptions } from '../../core/verifier.js';
import { coinbaseCommerce } from './sender.js';

/**
 * Creates a verifier for Coinbase Commerce webhooks. Build it once at startup and share it.
 *
 * @example
 * ```ts
 * import { createCoinbaseCommerceVerifier } from 'hookverify/coinbase-commerce';
 *
 * const verifier = createCoinbaseCommerceVerifier({ secret: process.env.COINBASE_COMMERCE_WEBHOOK_SECRET });
 * const delivery = await verifier.verify({ body: rawBody, headers: request.headers });
 * console.log(delivery.eventType); // "charge:confirmed"
 * ```
 */
export function createCoinbaseCommerceVerifier(options: VerifierOptions): Verifier {
  return createVerifier(coinbaseCommerce, options);
}
