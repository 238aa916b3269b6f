import { trustedHmac } from '../../core/scheme/algorithms/hmac.js';
import { assembleSender } from '../../core/scheme/assemble-sender.js';
import { base64 } from '../../core/scheme/encodings/base64.js';
import { bodyDigest } from '../../core/scheme/ids/body-digest.js';
import { utf8Secret } from '../../core/scheme/keys/utf8-secret.js';
import { trustedSignatureHeader } from '../../core/scheme/signatures/signature-header.js';
import { body } from '../../core/scheme/sources/body.js';
import { trustedBodyField } from '../../core/scheme/sources/body-field.js';
import { requestUrl } from '../../core/scheme/sources/request-url.js';

/**
 * Square: `x-square-hmacsha256-signature` is the base64 HMAC-SHA256, keyed with the
 * subscription's signature key as UTF-8, of the notification URL exactly as registered for the
 * subscription followed by the raw body (square 46.0.0 `WebhooksHelper.verifySignature`;
 * developer.squareup.com/docs/webhooks/step3validate). Nothing dates a delivery (`created_at` is
 * in the body, but a replay carries it unchanged), so deliveries are replayable
 * (`replayProtection: "none"`) and the dedupe id is the body's SHA-256; the event type is the
 * signed body's `type`. The verifier needs the notification URL: {@link createSquareVerifier}
 * asks for it.
 *
 * @example
 * ```ts
 * import { square } from 'hookverify/square';
 * import { createVerifier } from 'hookverify';
 *
 * const verifier = createVerifier(square, { secret: process.env.SQUARE_SIGNATURE_KEY, url: 'https://example.com/webhooks/square' });
 * ```
 */
export const square = /* @__PURE__ */ assembleSender({
  name: 'square',
  signatures: trustedSignatureHeader({ header: 'x-square-hmacsha256-signature', encoding: base64 }),
  signed: [requestUrl, body],
  algorithm: trustedHmac('sha256', utf8Secret),
  id: bodyDigest,
  eventType: trustedBodyField('type'),
});
