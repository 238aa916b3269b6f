import { createVerifier, type Verifier, type VerifierOptions } from '../../core/verifier.js';
import { sentry } from './sender.js';

/**
 * Creates a verifier for Sentry integration webhooks. Build it once at startup and share it.
 *
 * @example
 * ```ts
 * import { createSentryVerifier } from 'hookverify/sentry';
 *
 * const verifier = createSentryVerifier({ secret: process.env.SENTRY_CLIENT_SECRET });
 * const delivery = await verifier.verify({ body: rawBody, headers: request.headers });
 * console.log(delivery.id, delivery.replayable); // the body's SHA-256, true
 * ```
 */
export function createSentryVerifier(options: VerifierOptions): Verifier {
  return createVerifier(sentry, options);
}
