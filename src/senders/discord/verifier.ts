import { createVerifier, type Verifier, type VerifierOptions } from '../../core/verifier.js';
import { discord } from './sender.js';

/**
 * Creates a verifier for Discord interactions and webhook events. `secret` is the application's
 * public key (hex), which may live in configuration openly. Build it once at startup and share it.
 *
 * @example
 * ```ts
 * import { createDiscordVerifier } from 'hookverify/discord';
 *
 * const verifier = createDiscordVerifier({ secret: process.env.DISCORD_PUBLIC_KEY });
 * const delivery = await verifier.verify({ body: rawBody, headers: request.headers });
 * if ((delivery.payload as { type: number }).type === 1) console.log('PING: answer {"type":1}');
 * ```
 */
export function createDiscordVerifier(options: VerifierOptions): Verifier {
  return createVerifier(discord, options);
}
