import { createVerifier, type Verifier, type VerifierOptions } from '../../core/verifier.js';
import { line } from './sender.js';

/**
 * Creates a verifier for LINE Messaging API webhook deliveries. LINE signs no timestamp, so
 * every delivery is `replayable`: receive it with dedupe on `delivery.id` (a digest of the signed
 * body). Build it once at startup and share it.
 *
 * @example
 * ```ts
 * import { createLineVerifier } from 'hookverify/line';
 *
 * const verifier = createLineVerifier({ secret: process.env.LINE_CHANNEL_SECRET });
 * const delivery = await verifier.verify({ body: rawBody, headers: request.headers });
 * for (const event of (delivery.payload as { events: { webhookEventId: string }[] }).events) console.log(event.webhookEventId);
 * ```
 */
export function createLineVerifier(options: VerifierOptions): Verifier {
  return createVerifier(line, options);
}
