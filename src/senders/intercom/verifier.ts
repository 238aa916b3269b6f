import { createVerifier, type Verifier, type VerifierOptions } from '../../core/verifier.js';
import { intercom } from './sender.js';

/**
 * Creates a verifier for Intercom webhooks. Build it once at startup and share it.
 *
 * @example
 * ```ts
 * import { createIntercomVerifier } from 'hookverify/intercom';
 *
 * const verifier = createIntercomVerifier({ secret: process.env.INTERCOM_CLIENT_SECRET });
 * const delivery = await verifier.verify({ body: rawBody, headers: request.headers });
 * console.log(delivery.eventType); // "conversation.user.created"
 * ```
 */
export function createIntercomVerifier(options: VerifierOptions): Verifier {
  return createVerifier(intercom, options);
}
