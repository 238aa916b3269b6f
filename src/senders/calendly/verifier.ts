import { createVerifier, type Verifier, type VerifierOptions } from '../../core/verifier.js';
import { calendly } from './sender.js';

/**
 * Creates a verifier for Calendly webhook deliveries. Build it once at startup and share it.
 *
 * @example
 * ```ts
 * import { createCalendlyVerifier } from 'hookverify/calendly';
 *
 * const verifier = createCalendlyVerifier({ secret: process.env.CALENDLY_WEBHOOK_SIGNING_KEY });
 * const delivery = await verifier.verify({ body: rawBody, headers: request.headers });
 * console.log(delivery.eventType); // "invitee.created"
 * ```
 */
export function createCalendlyVerifier(options: VerifierOptions): Verifier {
  return createVerifier(calendly, options);
}
