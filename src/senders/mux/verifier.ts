import { createVerifier, type Verifier, type VerifierOptions } from '../../core/verifier.js';
import { mux } from './sender.js';

/**
 * Creates a verifier for Mux webhooks. Build it once at startup and share it.
 *
 * @example
 * ```ts
 * import { createMuxVerifier } from 'hookverify/mux';
 *
 * const verifier = createMuxVerifier({ secret: process.env.MUX_WEBHOOK_SECRET });
 * const delivery = await verifier.verify({ body: rawBody, headers: request.headers });
 * console.log(delivery.id, delivery.eventType); // the event id, "video.asset.ready"
 * ```
 */
export function createMuxVerifier(options: VerifierOptions): Verifier {
  return createVerifier(mux, options);
}
