import { trustedHmac } from '../../core/scheme/algorithms/hmac.js';
import { assembleSender } from '../../core/scheme/assemble-sender.js';
import { base64 } from '../../core/scheme/encodings/base64.js';
import { bodyDigest } from '../../core/scheme/ids/body-digest.js';
import { utf8Secret } from '../../core/scheme/keys/utf8-secret.js';
import { trustedSignatureHeader } from '../../core/scheme/signatures/signature-header.js';
import { body } from '../../core/scheme/sources/body.js';
import { trustedBodyField } from '../../core/scheme/sources/body-field.js';

/**
 * Typeform: `Typeform-Signature: sha256=<base64>` (base64 behind the prefix, not hex), the
 * HMAC-SHA256 of the raw body keyed with the webhook's secret as UTF-8 (typeform.com developer
 * docs, "Secure your webhooks"; Typeform publishes no SDK that verifies). Nothing dates a
 * delivery (`submitted_at` is in the body, unchanged by a replay), so deliveries are replayable
 * (`replayProtection: "none"`) and the dedupe id is the body's SHA-256; the event type is the
 * signed body's `event_type`.
 *
 * @example
 * ```ts
 * import { typeform } from 'hookverify/typeform';
 * import { createVerifier } from 'hookverify';
 *
 * const verifier = createVerifier(typeform, { secret: process.env.TYPEFORM_WEBHOOK_SECRET });
 * ```
 */
export const typeform = /* @__PURE__ */ assembleSender({
  name: 'typeform',
  signatures: trustedSignatureHeader({ header: 'typeform-signature', prefix: 'sha256=', encoding: base64 }),
  signed: [body],
  algorithm: trustedHmac('sha256', utf8Secret),
  id: bodyDigest,
  eventType: trustedBodyField('event_type'),
});
