import { trustedHmac } from '../../core/scheme/algorithms/hmac.js';
import { assembleSender } from '../../core/scheme/assemble-sender.js';
import { hex } from '../../core/scheme/encodings/hex.js';
import { bodyDigest } from '../../core/scheme/ids/body-digest.js';
import { utf8Secret } from '../../core/scheme/keys/utf8-secret.js';
import { trustedSignatureHeader } from '../../core/scheme/signatures/signature-header.js';
import { body } from '../../core/scheme/sources/body.js';
import { trustedBodyField } from '../../core/scheme/sources/body-field.js';
import { unixMillis } from '../../core/scheme/timestamps/unix-millis.js';

/**
 * Linear: `Linear-Signature: <hex>`, an HMAC-SHA256 of the raw body keyed with the webhook's
 * signing secret as UTF-8 text. As in `@linear/sdk` 98 (`LinearWebhookClient.verify`), the only
 * trusted time is the signed body's `webhookTimestamp` (Unix milliseconds), checked once the
 * signature holds, within 60 seconds both ways; the `linear-timestamp` header is ignored.
 * `Linear-Delivery` and `Linear-Event` are unsigned headers and not read: the dedupe id is the
 * body's SHA-256, and the event type the signed body's `type` (`Issue`, `Comment`…).
 *
 * @example
 * ```ts
 * import { linear } from 'hookverify/linear';
 * import { createVerifier } from 'hookverify';
 *
 * const verifier = createVerifier(linear, { secret: process.env.LINEAR_WEBHOOK_SECRET });
 * console.log(linear.tolerance); // "60s"
 * ```
 */
export const linear = /* @__PURE__ */ assembleSender({
  name: 'linear',
  signatures: trustedSignatureHeader({ header: 'linear-signature', encoding: hex }),
  signed: [body],
  algorithm: trustedHmac('sha256', utf8Secret),
  timestamp: unixMillis(trustedBodyField('webhookTimestamp')),
  id: bodyDigest,
  eventType: trustedBodyField('type'),
  tolerance: '60s',
});
