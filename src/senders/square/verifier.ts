import { ConfigurationError } from '../../core/errors.js';
import { createVerifier, type Verifier, type VerifierOptions } from '../../core/verifier.js';
import { square } from './sender.js';

/**
 * Options of {@link createSquareVerifier}: the usual ones, and the notification URL.
 *
 * @example
 * ```ts
 * import { createSquareVerifier, type SquareVerifierOptions } from 'hookverify/square';
 *
 * const options: SquareVerifierOptions = { secret: process.env.SQUARE_SIGNATURE_KEY, notificationUrl: 'https://example.com/webhooks/square' };
 * const verifier = createSquareVerifier(options);
 * ```
 */
export interface SquareVerifierOptions extends Omit<VerifierOptions, 'url'> {
  /**
   * The notification URL exactly as registered for the webhook subscription in the Square
   * Developer Console: Square signs it, and a request's own URL may differ behind a proxy.
   */
  readonly notificationUrl: string;
}

/**
 * Creates a verifier for Square deliveries. Build it once at startup and share it.
 *
 * @example
 * ```ts
 * import { createSquareVerifier } from 'hookverify/square';
 *
 * const verifier = createSquareVerifier({ secret: process.env.SQUARE_SIGNATURE_KEY, notificationUrl: 'https://example.com/webhooks/square' });
 * const delivery = await verifier.verify({ body: rawBody, headers: request.headers });
 * console.log(delivery.eventType, delivery.replayable); // "payment.updated", true
 * ```
 */
export function createSquareVerifier(options: SquareVerifierOptions): Verifier {
  const url = options?.notificationUrl;
  if (typeof url !== 'string' || url === '') {
    throw new ConfigurationError('invalid_option', 'Square signs its notification URL: pass notificationUrl, exactly as registered for the subscription');
  }
  return createVerifier(square, { ...options, url });
}
