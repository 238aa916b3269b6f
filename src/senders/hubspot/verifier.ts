import { createVerifier, type Verifier, type VerifierOptions } from '../../core/verifier.js';
import { hubspot } from './sender.js';

/**
 * Creates a verifier for HubSpot (signature v3) requests. Build it once at startup and share
 * it; give each request its method and URL, or pin the public URL with `url` (which
 * `createWebhookReceiver`, passing no URL, needs).
 *
 * @example
 * ```ts
 * import { createHubSpotVerifier } from 'hookverify/hubspot';
 *
 * const verifier = createHubSpotVerifier({ secret: process.env.HUBSPOT_CLIENT_SECRET });
 * const delivery = await verifier.verify({ body: rawBody, headers: request.headers, url: request.url, method: request.method });
 * for (const event of delivery.payload as { eventId: number }[]) console.log(event.eventId);
 * ```
 */
export function createHubSpotVerifier(options: VerifierOptions): Verifier {
  return createVerifier(hubspot, options);
}
