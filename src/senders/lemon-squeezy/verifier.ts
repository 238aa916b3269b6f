import { createVerifier, type Verifier, type VerifierOptions } from '../../core/verifier.js';
import { lemonSqueezy } from './sender.js';

/**
 * Creates a verifier for Lemon Squeezy webhooks. Build it once at startup and share it.
 *
 * @example
 * ```ts
 * import { createLemonSqueezyVerifier } from 'hookverify/lemon-squeezy';
 *
 * const verifier = createLemonSqueezyVerifier({ secret: process.env.LEMON_SQUEEZY_WEBHOOK_SECRET });
 * const delivery = await verifier.verify({ body: rawBody, headers: request.headers });
 * console.log(delivery.eventType, delivery.replayable); // "order_created", true
 * ```
 */
export function createLemonSqueezyVerifier(options: VerifierOptions): Verifier {
  return createVerifier(lemonSqueezy, options);
}
