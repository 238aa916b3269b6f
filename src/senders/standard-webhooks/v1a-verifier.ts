import { createVerifier, type Verifier, type VerifierOptions } from '../../core/verifier.js';
import { standardWebhooksV1a } from './v1a-sender.js';

/**
 * Creates a verifier for Standard Webhooks `v1a` (Ed25519) deliveries, from the sender's public
 * key (`whpk_…`; `secret` and `secrets` take public keys here, rolled as secrets are).
 *
 * @example
 * ```ts
 * import { createStandardWebhooksV1aVerifier } from 'hookverify/standard-webhooks';
 *
 * const verifier = createStandardWebhooksV1aVerifier({ secret: process.env.WEBHOOK_PUBLIC_KEY });
 * const delivery = await verifier.verify({ body: rawBody, headers: request.headers });
 * ```
 */
export function createStandardWebhooksV1aVerifier(options: VerifierOptions): Verifier {
  return createVerifier(standardWebhooksV1a, options);
}
