import { createVerifier, type Verifier, type VerifierOptions } from '../../core/verifier.js';
import { peridio } from './sender.js';

/**
 * Creates a verifier for Peridio deliveries. Build it once at startup and share it.
 *
 * @example
 * ```ts
 * import { createPeridioVerifier } from 'hookverify/peridio';
 *
 * const verifier = createPeridioVerifier({
 *   secrets: [
 *     { secret: process.env.PERIDIO_SECRET!, label: 'current' },
 *     { secret: process.env.PERIDIO_SECRET_OLD!, label: 'old', notAfter: '2026-12-01T00:00:00Z' },
 *   ],
 * });
 * const delivery = await verifier.verify({ body: rawBody, headers: request.headers });
 * console.log(delivery.id); // the event PRN, for deduplication
 * console.log(delivery.matchedSecret.label); // "current" once Peridio signs with the new secret
 * ```
 */
export function createPeridioVerifier(options: VerifierOptions): Verifier {
  return createVerifier(peridio, options);
}
