import { createVerifier, type Verifier, type VerifierOptions } from '../../core/verifier.js';
import { meta } from './sender.js';

/**
 * Creates a verifier for Meta (WhatsApp, Messenger, Instagram) webhook deliveries. Build it once
 * at startup and share it.
 *
 * @example
 * ```ts
 * import { createMetaVerifier } from 'hookverify/meta';
 *
 * const verifier = createMetaVerifier({ secret: process.env.META_APP_SECRET });
 * const delivery = await verifier.verify({ body: rawBody, headers: request.headers });
 * console.log(delivery.replayable, delivery.id); // true, the body's SHA-256: dedupe on it
 * ```
 */
export function createMetaVerifier(options: VerifierOptions): Verifier {
  return createVerifier(meta, options);
}
