import { trustedHmac } from '../../core/scheme/algorithms/hmac.js';
import { assembleSender } from '../../core/scheme/assemble-sender.js';
import { hex } from '../../core/scheme/encodings/hex.js';
import { bodyDigest } from '../../core/scheme/ids/body-digest.js';
import { utf8Secret } from '../../core/scheme/keys/utf8-secret.js';
import { trustedSignatureHeader } from '../../core/scheme/signatures/signature-header.js';
import { body } from '../../core/scheme/sources/body.js';
import { trustedBodyField } from '../../core/scheme/sources/body-field.js';

/**
 * Coinbase Commerce, from its webhook documentation (its Node SDK, coinbase-commerce-node, is
 * deprecated): `X-CC-Webhook-Signature: <hex>`, an HMAC-SHA256 of the raw body keyed with the
 * endpoint's shared secret as UTF-8 text. Nothing signed says when: a captured delivery
 * verifies for ever (`replayProtection: "none"`), so the dedupe id is the body's SHA-256. The
 * event type is the signed body's `event.type` (`charge:confirmed`…).
 *
 * @example
 * ```ts
 * import { coinbaseCommerce } from 'hookverify/coinbase-commerce';
 * import { createVerifier } from 'hookverify';
 *
 * const verifier = createVerifier(coinbaseCommerce, { secret: process.env.COINBASE_COMMERCE_WEBHOOK_SECRET });
 * ```
 */
export const coinbaseCommerce = /* @__PURE__ */ assembleSender({
  name: 'coinbase-commerce',
  signatures: trustedSignatureHeader({ header: 'x-cc-webhook-signature', encoding: hex }),
  signed: [body],
  algorithm: trustedHmac('sha256', utf8Secret),
  id: bodyDigest,
  eventType: trustedBodyField('event.type'),
});
