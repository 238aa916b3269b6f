import { trustedHmac } from '../../core/scheme/algorithms/hmac.js';
import { assembleSender } from '../../core/scheme/assemble-sender.js';
import { hex } from '../../core/scheme/encodings/hex.js';
import { utf8Secret } from '../../core/scheme/keys/utf8-secret.js';
import { headerParameters } from '../../core/scheme/signatures/header-parameters.js';
import { body } from '../../core/scheme/sources/body.js';
import { trustedBodyField } from '../../core/scheme/sources/body-field.js';
import { unixSeconds } from '../../core/scheme/timestamps/unix-seconds.js';

// `Stripe-Signature: t=1492774577,v1=5257a869…,v1=…,v0=…`: the time and the signatures are
// parameters of one header. Only `v1` is a signature scheme Stripe still uses; `v0` is ignored.
const signature = /* @__PURE__ */ headerParameters({ header: 'stripe-signature', signature: 'v1', encoding: hex });
const signedAt = /* @__PURE__ */ signature.parameter('t');

/**
 * Stripe (docs.stripe.com/webhooks, "Verify signatures manually"): `Stripe-Signature` carries
 * `t=<unix seconds>` and one `v1=<hex>` HMAC-SHA256 per active signing secret, over
 * `<t>.<raw body>`; the key is the `whsec_…` secret's own UTF-8 bytes, prefix included. The
 * signed `t` bounds replays (5 minutes, Stripe's own default); each retry is signed afresh. The
 * event's `id` is the dedupe id and its `type` the event type, both inside the signed body.
 * Stripe retries for up to 3 days.
 *
 * @example
 * ```ts
 * import { stripe } from 'hookverify/stripe';
 * import { createVerifier } from 'hookverify';
 *
 * const verifier = createVerifier(stripe, { secret: process.env.STRIPE_WEBHOOK_SECRET });
 * ```
 */
export const stripe = /* @__PURE__ */ assembleSender({
  name: 'stripe',
  signatures: signature,
  signed: [signedAt, '.', body],
  algorithm: trustedHmac('sha256', utf8Secret),
  timestamp: unixSeconds(signedAt),
  id: trustedBodyField('id'),
  eventType: trustedBodyField('type'),
  retryHorizon: '3d',
});
