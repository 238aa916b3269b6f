import { createVerifier, type Verifier, type VerifierOptions } from '../../core/verifier.js';
import { standardWebhooks } from './sender.js';

/**
 * Creates a verifier for Standard Webhooks deliveries (Svix, and the many senders that follow
 * the specification).
 *
 * @example
 * ```ts
 * import { createStandardWebhooksVerifier } from 'hookverify/standard-webhooks';
 *
 * const verifier = createStandardWebhooksVerifier({ secret: process.env.WEBHOOK_SECRET });
 * const delivery = await verifier.verify({ body: rawBody, headers: request.headers });
 * console.log(delivery.id); // the webhook-id header
 * ```
 */
export function createStandardWebhooksVerifier(options: VerifierOptions): Verifier {
  return createVerifier(standardWebhooks, options);
}
