import { createVerifier, type Verifier, type VerifierOptions } from '../../core/verifier.js';
import { linear } from './sender.js';

/**
 * Creates a verifier for Linear webhooks. Build it once at startup and share it.
 *
 * @example
 * ```ts
 * import { createLinearVerifier } from 'hookverify/linear';
 *
 * const verifier = createLinearVerifier({ secret: process.env.LINEAR_WEBHOOK_SECRET });
 * const delivery = await verifier.verify({ body: rawBody, headers: request.headers });
 * console.log(delivery.eventType, delivery.timestamp); // "Issue", the body's webhookTimestamp
 * ```
 */
export function createLinearVerifier(options: VerifierOptions): Verifier {
  return createVerifier(linear, options);
}
