import { createVerifier, type Verifier, type VerifierOptions } from '../../core/verifier.js';
import { sendgrid } from './sender.js';

/**
 * Creates a verifier for SendGrid Event Webhook deliveries. `secret` is the verification key
 * SendGrid shows (base64 of a DER public key), which may live in configuration openly. Build it
 * once at startup and share it.
 *
 * @example
 * ```ts
 * import { createSendGridVerifier } from 'hookverify/sendgrid';
 *
 * const verifier = createSendGridVerifier({ secret: process.env.SENDGRID_WEBHOOK_PUBLIC_KEY });
 * const delivery = await verifier.verify({ body: rawBody, headers: request.headers });
 * for (const event of delivery.payload as { sg_event_id: string; event: string }[]) console.log(event.sg_event_id, event.event);
 * ```
 */
export function createSendGridVerifier(options: VerifierOptions): Verifier {
  return createVerifier(sendgrid, options);
}
