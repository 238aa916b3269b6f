import { trustedHmac } from '../../core/scheme/algorithms/hmac.js';
import { assembleSender } from '../../core/scheme/assemble-sender.js';
import { hex } from '../../core/scheme/encodings/hex.js';
import { utf8Secret } from '../../core/scheme/keys/utf8-secret.js';
import { headerParameters } from '../../core/scheme/signatures/header-parameters.js';
import { body } from '../../core/scheme/sources/body.js';
import { trustedBodyField } from '../../core/scheme/sources/body-field.js';
import { unixSeconds } from '../../core/scheme/timestamps/unix-seconds.js';

const signature = /* @__PURE__ */ headerParameters({ header: 'mux-signature', signature: 'v1', encoding: hex });
const t = /* @__PURE__ */ signature.parameter('t');

/**
 * Mux: `mux-signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…]`, an HMAC-SHA256 of `<t>.<raw body>`
 * keyed with the webhook signing secret as UTF-8 text; any `v1` may match (as in
 * `@mux/mux-node` 15.3 `webhooks.verifySignature`). The event's `id` and `type` are in the
 * signed body. The replay window is the SDK's 5 minutes (it checks the past only, hookverify
 * both ways).
 *
 * @example
 * ```ts
 * import { mux } from 'hookverify/mux';
 * import { createVerifier } from 'hookverify';
 *
 * const verifier = createVerifier(mux, { secret: process.env.MUX_WEBHOOK_SECRET });
 * ```
 */
export const mux = /* @__PURE__ */ assembleSender({
  name: 'mux',
  signatures: signature,
  signed: [t, '.', body],
  algorithm: trustedHmac('sha256', utf8Secret),
  timestamp: unixSeconds(t),
  id: trustedBodyField('id'),
  eventType: trustedBodyField('type'),
});
