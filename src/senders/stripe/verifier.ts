import { createVerifier, type Verifier, type VerifierOptions } from '../../core/verifier.js';
import { stripe } from './sender.js';

/**
 * Creates a verifier for Stripe deliveries. Build it once at startup and share it; during a
 * secret roll, give both secrets (Stripe signs with each one, as several `v1` entries).
 *
 * @example
 * ```ts
 * import { createStripeVerifier } from 'hookverify/stripe';
 *
 * const verifier = createStripeVerifier({ secret: process.env.STRIPE_WEBHOOK_SECRET });
 * const delivery = await verifier.verify({ body: rawBody, headers: request.headers });
 * console.log(delivery.eventType, delivery.id); // "payment_intent.succeeded", "evt_..."
 * ```
 */
export function createStripeVerifier(options: VerifierOptions): Verifier {
  return createVerifier(stripe, options);
}
