import { createVerifier, type Verifier, type VerifierOptions } from '../../core/verifier.js';
import { twitch } from './sender.js';

/**
 * Creates a verifier for Twitch EventSub webhook messages. Build it once at startup and share it.
 *
 * @example
 * ```ts
 * import { createTwitchVerifier } from 'hookverify/twitch';
 *
 * const verifier = createTwitchVerifier({ secret: process.env.TWITCH_EVENTSUB_SECRET });
 * const delivery = await verifier.verify({ body: rawBody, headers: request.headers });
 * const { challenge } = delivery.payload as { challenge?: string };
 * if (challenge !== undefined) return new Response(challenge, { headers: { 'content-type': 'text/plain' } });
 * ```
 */
export function createTwitchVerifier(options: VerifierOptions): Verifier {
  return createVerifier(twitch, options);
}
