import { createVerifier, type Verifier, type VerifierOptions } from '../../core/verifier.js';
import { typeform } from './sender.js';

/**
 * Creates a verifier for Typeform webhook deliveries. Build it once at startup and share it.
 *
 * @example
 * ```ts
 * import { createTypeformVerifier } from 'hookverify/typeform';
 *
 * const verifier = createTypeformVerifier({ secret: process.env.TYPEFORM_WEBHOOK_SECRET });
 * const delivery = await verifier.verify({ body: rawBody, headers: request.headers });
 * console.log(delivery.eventType); // "form_response"
 * ```
 */
export function createTypeformVerifier(options: VerifierOptions): Verifier {
  return createVerifier(typeform, options);
}
