import { trustedHmac } from '../../core/scheme/algorithms/hmac.js';
import { assembleSender } from '../../core/scheme/assemble-sender.js';
import { hex } from '../../core/scheme/encodings/hex.js';
import { bodyDigest } from '../../core/scheme/ids/body-digest.js';
import { utf8Secret } from '../../core/scheme/keys/utf8-secret.js';
import { headerParameters } from '../../core/scheme/signatures/header-parameters.js';
import { body } from '../../core/scheme/sources/body.js';
import { trustedBodyField } from '../../core/scheme/sources/body-field.js';
import { unixSeconds } from '../../core/scheme/timestamps/unix-seconds.js';

const signature = /* @__PURE__ */ headerParameters({ header: 'calendly-webhook-signature', signature: 'v1', encoding: hex });
const t = /* @__PURE__ */ signature.parameter('t');

/**
 * Calendly (API v2 webhook subscriptions), from Calendly's "Webhook signatures" documentation:
 * `Calendly-Webhook-Signature: t=<unix seconds>,v1=<hex>`, an HMAC-SHA256 of `<t>.<raw body>`
 * keyed with the subscription's signing key as UTF-8 text (Stripe's framing). No Calendly SDK
 * verifies, so the replay window is the usual 5 minutes (the documentation's sample uses 3).
 * The body carries no event id: the dedupe id is the body's SHA-256, the same on every retry
 * of one delivery. The event type is the signed body's `event` (`invitee.created`…).
 *
 * @example
 * ```ts
 * import { calendly } from 'hookverify/calendly';
 * import { createVerifier } from 'hookverify';
 *
 * const verifier = createVerifier(calendly, { secret: process.env.CALENDLY_WEBHOOK_SIGNING_KEY });
 * ```
 */
export const calendly = /* @__PURE__ */ assembleSender({
  name: 'calendly',
  signatures: signature,
  signed: [t, '.', body],
  algorithm: trustedHmac('sha256', utf8Secret),
  timestamp: unixSeconds(t),
  id: bodyDigest,
  eventType: trustedBodyField('event'),
});
