import { createVerifier, type Verifier, type VerifierOptions } from '../../core/verifier.js';
import { edgesense, edgesenseSender, type EdgeSenseSenderOptions } from './sender.js';

/**
 * Options of {@link createEdgeSenseVerifier}.
 *
 * @example
 * ```ts
 * import { createEdgeSenseVerifier, type EdgeSenseVerifierOptions } from 'hookverify/edgesense';
 *
 * const options: EdgeSenseVerifierOptions = { secret: process.env.EDGESENSE_SECRET, signatureHeader: 'x-signature', tolerance: '10m' };
 * const verifier = createEdgeSenseVerifier(options);
 * ```
 */
export interface EdgeSenseVerifierOptions extends VerifierOptions, EdgeSenseSenderOptions {}

/**
 * Creates a verifier for EdgeSense deliveries.
 *
 * @example
 * ```ts
 * import { createEdgeSenseVerifier } from 'hookverify/edgesense';
 *
 * const verifier = createEdgeSenseVerifier({ secret: process.env.EDGESENSE_SECRET });
 * const delivery = await verifier.verify({ body: rawBody, headers: request.headers });
 * ```
 */
export function createEdgeSenseVerifier(options: EdgeSenseVerifierOptions): Verifier {
  const sender = options.signatureHeader === undefined ? edgesense : edgesenseSender(options);
  return createVerifier(sender, options);
}
