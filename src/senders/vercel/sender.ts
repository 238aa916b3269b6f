import { trustedHmac } from '../../core/scheme/algorithms/hmac.js';
import { assembleSender } from '../../core/scheme/assemble-sender.js';
import { hex } from '../../core/scheme/encodings/hex.js';
import { bodyDigest } from '../../core/scheme/ids/body-digest.js';
import { utf8Secret } from '../../core/scheme/keys/utf8-secret.js';
import { trustedSignatureHeader } from '../../core/scheme/signatures/signature-header.js';
import { body } from '../../core/scheme/sources/body.js';
import { trustedBodyField } from '../../core/scheme/sources/body-field.js';

/**
 * Vercel, from its webhook documentation (no Vercel SDK verifies): `x-vercel-signature: <hex>`,
 * an HMAC-SHA1 of the raw body keyed with the webhook's secret (an integration's client secret
 * for integration webhooks) as UTF-8 text. Nothing signed says when (`createdAt` in the body is
 * the event's time, not the delivery's): a captured delivery verifies for ever
 * (`replayProtection: "none"`), so the dedupe id is the body's SHA-256. The event type is the
 * signed body's `type` (`deployment.succeeded`…).
 *
 * @example
 * ```ts
 * import { vercel } from 'hookverify/vercel';
 * import { createVerifier } from 'hookverify';
 *
 * const verifier = createVerifier(vercel, { secret: process.env.VERCEL_WEBHOOK_SECRET });
 * console.log(vercel.algorithm.label); // "HMAC-SHA1"
 * ```
 */
export const vercel = /* @__PURE__ */ assembleSender({
  name: 'vercel',
  signatures: trustedSignatureHeader({ header: 'x-vercel-signature', encoding: hex }),
  signed: [body],
  algorithm: trustedHmac('sha1', utf8Secret),
  id: bodyDigest,
  eventType: trustedBodyField('type'),
});
