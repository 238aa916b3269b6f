import { createVerifier, type Verifier, type VerifierOptions } from '../../core/verifier.js';
import { zoom } from './sender.js';

/**
 * Creates a verifier for Zoom webhook events. Build it once at startup and share it.
 *
 * @example
 * ```ts
 * import { createZoomVerifier } from 'hookverify/zoom';
 *
 * const verifier = createZoomVerifier({ secret: process.env.ZOOM_WEBHOOK_SECRET_TOKEN });
 * const delivery = await verifier.verify({ body: rawBody, headers: request.headers });
 * console.log(delivery.eventType); // "meeting.started"
 * ```
 */
export function createZoomVerifier(options: VerifierOptions): Verifier {
  return createVerifier(zoom, options);
}
