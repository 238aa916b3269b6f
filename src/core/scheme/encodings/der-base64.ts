import { decodeBase64, decodeBase64Into } from '../../encoding.js';
import { derToP1363 } from '../algorithms/ecdsa-p256.js';
import type { SignatureEncoding } from '../types.js';

/**
 * ECDSA P-256 signatures written as canonical base64 of a strict DER `ECDSA-Sig-Value`
 * (SendGrid), for `ecdsaP256(key, { signature: 'der' })`. A text that is base64 but not such a
 * value is not a signature in the sender's format, so it is refused as a malformed header before
 * any key is tried, as an HMAC signature of the wrong length is; plain {@link base64} would let
 * it through to be answered `invalid_signature`.
 *
 * @example
 * ```ts
 * import { composeSender, signatureHeader, header, body, ecdsaP256, spkiPublicKey, unixSeconds, derBase64 } from 'hookverify';
 *
 * const timestamp = header('x-twilio-email-event-webhook-timestamp');
 * const sendgridLike = composeSender({
 *   name: 'sendgrid-like',
 *   signatures: signatureHeader({ header: 'x-twilio-email-event-webhook-signature', encoding: derBase64 }),
 *   signed: [timestamp, body],
 *   algorithm: ecdsaP256(spkiPublicKey, { signature: 'der' }),
 *   timestamp: unixSeconds(timestamp),
 * });
 * ```
 */
export const derBase64: SignatureEncoding = /* @__PURE__ */ Object.freeze({
  name: 'base64',
  decodeInto: decodeBase64Into,
  decode(text: string) {
    const bytes = decodeBase64(text);
    return bytes !== undefined && derToP1363(bytes) !== undefined ? bytes : undefined;
  },
} satisfies SignatureEncoding);
