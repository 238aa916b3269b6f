import { createVerifier, type Verifier, type VerifierOptions } from '../../core/verifier.js';
import { razorpay } from './sender.js';

/**
 * Creates a verifier for Razorpay webhook deliveries. Razorpay signs no timestamp, so every
 * delivery is `replayable`: receive it with dedupe on `delivery.id` (a digest of the signed
 * body). Build it once at startup and share it.
 *
 * @example
 * ```ts
 * import { createRazorpayVerifier } from 'hookverify/razorpay';
 *
 * const verifier = createRazorpayVerifier({ secret: process.env.RAZORPAY_WEBHOOK_SECRET });
 * const delivery = await verifier.verify({ body: rawBody, headers: request.headers });
 * console.log(delivery.eventType, delivery.replayable); // "payment.captured", true
 * ```
 */
export function createRazorpayVerifier(options: VerifierOptions): Verifier {
  return createVerifier(razorpay, options);
}
