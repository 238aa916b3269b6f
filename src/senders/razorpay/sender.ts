import { trustedHmac } from '../../core/scheme/algorithms/hmac.js';
import { assembleSender } from '../../core/scheme/assemble-sender.js';
import { hex } from '../../core/scheme/encodings/hex.js';
import { bodyDigest } from '../../core/scheme/ids/body-digest.js';
import { utf8Secret } from '../../core/scheme/keys/utf8-secret.js';
import { trustedSignatureHeader } from '../../core/scheme/signatures/signature-header.js';
import { body } from '../../core/scheme/sources/body.js';
import { trustedBodyField } from '../../core/scheme/sources/body-field.js';

/**
 * Razorpay webhooks, as razorpay 2.9.8 (`validateWebhookSignature`) checks them:
 * `X-Razorpay-Signature` is the hex HMAC-SHA256 of the raw body, keyed with the webhook secret
 * (UTF-8). Nothing else is signed.
 *
 * **Replayable**: no timestamp is signed (`created_at` is the event's time), so a captured
 * delivery verifies for ever (`replayProtection: "none"`, `replayable: true` on every delivery).
 * The dedupe id is therefore the SHA-256 of the signed body: `x-razorpay-event-id` is not
 * signed, and an id a replay can rewrite would let every copy through. The event type is the
 * body's `event` (`payment.captured`…), signed with the body.
 *
 * @example
 * ```ts
 * import { razorpay } from 'hookverify/razorpay';
 * import { createVerifier } from 'hookverify';
 *
 * const verifier = createVerifier(razorpay, { secret: process.env.RAZORPAY_WEBHOOK_SECRET });
 * console.log(razorpay.replayProtection); // "none": receive it with dedupe
 * ```
 */
export const razorpay = /* @__PURE__ */ assembleSender({
  name: 'razorpay',
  signatures: trustedSignatureHeader({ header: 'x-razorpay-signature', encoding: hex }),
  signed: [body],
  algorithm: trustedHmac('sha256', utf8Secret),
  id: bodyDigest,
  eventType: trustedBodyField('event'),
});
