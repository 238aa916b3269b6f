import { createVerifier, type Verifier, type VerifierOptions } from '../../core/verifier.js';
import { vercel } from './sender.js';

/**
 * Creates a verifier for Vercel webhooks. Build it once at startup and share it.
 *
 * @example
 * ```ts
 * import { createVercelVerifier } from 'hookverify/vercel';
 *
 * const verifier = createVercelVerifier({ secret: process.env.VERCEL_WEBHOOK_SECRET });
 * const delivery = await verifier.verify({ body: rawBody, headers: request.headers });
 * console.log(delivery.eventType); // "deployment.succeeded"
 * ```
 */
export function createVercelVerifier(options: VerifierOptions): Verifier {
  return createVerifier(vercel, options);
}
