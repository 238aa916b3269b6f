import { createVerifier, type Verifier, type VerifierOptions } from '../../core/verifier.js';
import { twilio, twilioJson } from './sender.js';

/**
 * Creates a verifier for Twilio's form webhooks (voice, messaging). Build it once at startup and
 * share it; give each delivery its URL, or pin the one Twilio is configured with.
 *
 * @example
 * ```ts
 * import { createTwilioVerifier } from 'hookverify/twilio';
 *
 * const verifier = createTwilioVerifier({ secret: process.env.TWILIO_AUTH_TOKEN, url: 'https://example.com/twilio/sms' });
 * const delivery = await verifier.verify({ body: rawBody, headers: request.headers });
 * console.log((delivery.payload as Record<string, string>).Body, delivery.replayable); // "hello", true
 * ```
 */
export function createTwilioVerifier(options: VerifierOptions): Verifier {
  return createVerifier(twilio, options);
}

/**
 * Creates a verifier for Twilio's JSON webhooks, whose URL carries `bodySHA256`. Each delivery
 * needs its own full URL, query included.
 *
 * @example
 * ```ts
 * import { createTwilioJsonVerifier } from 'hookverify/twilio';
 *
 * const verifier = createTwilioJsonVerifier({ secret: process.env.TWILIO_AUTH_TOKEN });
 * const delivery = await verifier.verify({ body: rawBody, headers: request.headers, url: request.url });
 * ```
 */
export function createTwilioJsonVerifier(options: VerifierOptions): Verifier {
  return createVerifier(twilioJson, options);
}
