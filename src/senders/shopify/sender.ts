import { trustedHmac } from '../../core/scheme/algorithms/hmac.js';
import { assembleSender } from '../../core/scheme/assemble-sender.js';
import { base64 } from '../../core/scheme/encodings/base64.js';
import { bodyDigest } from '../../core/scheme/ids/body-digest.js';
import { utf8Secret } from '../../core/scheme/keys/utf8-secret.js';
import { trustedSignatureHeader } from '../../core/scheme/signatures/signature-header.js';
import { body } from '../../core/scheme/sources/body.js';
import { trustedHeader } from '../../core/scheme/sources/header.js';

/**
 * Shopify webhooks, as @shopify/shopify-api 13.1.0 (`webhooks.validate`) checks them:
 * `X-Shopify-Hmac-Sha256` is the base64 HMAC-SHA256 of the raw body, keyed with the app's API
 * secret key (UTF-8). Nothing else is signed.
 *
 * **Replayable**: no timestamp is signed (`X-Shopify-Triggered-At` is a plain header), so a
 * captured delivery verifies for ever (`replayProtection: "none"`, `replayable: true` on every
 * delivery). The dedupe id is therefore the SHA-256 of the signed body, which a retry and a replay
 * share; `X-Shopify-Webhook-Id` and `X-Shopify-Event-Id` are not signed, and an id a replay can
 * rewrite would let every copy through. `X-Shopify-Topic` is the event type, accepted unsigned by
 * name (`unsignedAllowsRelabeling`): a replay can relabel an authentic body as another topic, so
 * check that the payload fits the topic. The unprefixed header family of Shopify's "Events"
 * deliveries (`shopify-hmac-sha256`…) is not covered.
 *
 * @example
 * ```ts
 * import { shopify } from 'hookverify/shopify';
 * import { createVerifier } from 'hookverify';
 *
 * const verifier = createVerifier(shopify, { secret: process.env.SHOPIFY_API_SECRET });
 * console.log(shopify.replayProtection); // "none": receive it with dedupe
 * ```
 */
export const shopify = /* @__PURE__ */ assembleSender({
  name: 'shopify',
  signatures: trustedSignatureHeader({ header: 'x-shopify-hmac-sha256', encoding: base64 }),
  signed: [body],
  algorithm: trustedHmac('sha256', utf8Secret),
  id: bodyDigest,
  eventType: { source: trustedHeader('x-shopify-topic'), unsignedAllowsRelabeling: true },
});
