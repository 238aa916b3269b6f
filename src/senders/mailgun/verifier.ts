import { createVerifier, type Verifier, type VerifierOptions } from '../../core/verifier.js';
import { mailgun } from './sender.js';

/**
 * Creates a verifier for Mailgun webhook deliveries (JSON). A verified delivery's `id` is the
 * signed token and its `authenticated` is `"body-fields"`: the event data beside the signature is
 * not signed. Build it once at startup and share it.
 *
 * @example
 * ```ts
 * import { createMailgunVerifier } from 'hookverify/mailgun';
 *
 * const verifier = createMailgunVerifier({ secret: process.env.MAILGUN_WEBHOOK_SIGNING_KEY });
 * const delivery = await verifier.verify({ body: rawBody, headers: request.headers });
 * console.log(delivery.id, delivery.authenticated); // the token, "body-fields"
 * ```
 */
export function createMailgunVerifier(options: VerifierOptions): Verifier {
  return createVerifier(mailgun, options);
}
