import { trustedHmac } from '../../core/scheme/algorithms/hmac.js';
import { assembleSender } from '../../core/scheme/assemble-sender.js';
import { hex } from '../../core/scheme/encodings/hex.js';
import { bodyDigest } from '../../core/scheme/ids/body-digest.js';
import { utf8Secret } from '../../core/scheme/keys/utf8-secret.js';
import { trustedSignatureHeader } from '../../core/scheme/signatures/signature-header.js';
import { body } from '../../core/scheme/sources/body.js';
import { trustedBodyField } from '../../core/scheme/sources/body-field.js';

/**
 * Lemon Squeezy, from its "Signing requests" documentation (no Lemon Squeezy SDK verifies):
 * `X-Signature: <hex>`, an HMAC-SHA256 of the raw body keyed with the webhook's signing secret
 * as UTF-8 text. Nothing signed says when: a captured delivery verifies for ever
 * (`replayProtection: "none"`), so the dedupe id is the body's SHA-256, which a replayed copy
 * shares. The event type is the signed body's `meta.event_name`; the `X-Event-Name` header
 * repeats it unsigned and is not read.
 *
 * @example
 * ```ts
 * import { lemonSqueezy } from 'hookverify/lemon-squeezy';
 * import { createVerifier } from 'hookverify';
 *
 * const verifier = createVerifier(lemonSqueezy, { secret: process.env.LEMON_SQUEEZY_WEBHOOK_SECRET });
 * console.log(lemonSqueezy.replayProtection); // "none": receive it with dedupe
 * ```
 */
export const lemonSqueezy = /* @__PURE__ */ assembleSender({
  name: 'lemon-squeezy',
  signatures: trustedSignatureHeader({ header: 'x-signature', encoding: hex }),
  signed: [body],
  algorithm: trustedHmac('sha256', utf8Secret),
  id: bodyDigest,
  eventType: trustedBodyField('meta.event_name'),
});
