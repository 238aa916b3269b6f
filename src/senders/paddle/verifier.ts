import { createVerifier, type Verifier, type VerifierOptions } from '../../core/verifier.js';
import { paddle } from './sender.js';

/**
 * Creates a verifier for Paddle Billing notifications. Build it once at startup and share it.
 *
 * @example
 * ```ts
 * import { createPaddleVerifier } from 'hookverify/paddle';
 *
 * const verifier = createPaddleVerifier({ secret: process.env.PADDLE_WEBHOOK_SECRET });
 * const delivery = await verifier.verify({ body: rawBody, headers: request.headers });
 * console.log(delivery.id, delivery.eventType); // "evt_01h…", "transaction.paid"
 * ```
 */
export function createPaddleVerifier(options: VerifierOptions): Verifier {
  return createVerifier(paddle, options);
}
