import { trustedHmac } from '../../core/scheme/algorithms/hmac.js';
import { assembleSender } from '../../core/scheme/assemble-sender.js';
import { hex } from '../../core/scheme/encodings/hex.js';
import { utf8Secret } from '../../core/scheme/keys/utf8-secret.js';
import { headerParameters } from '../../core/scheme/signatures/header-parameters.js';
import { body } from '../../core/scheme/sources/body.js';
import { trustedBodyField } from '../../core/scheme/sources/body-field.js';
import { unixSeconds } from '../../core/scheme/timestamps/unix-seconds.js';

const signature = /* @__PURE__ */ headerParameters({ header: 'paddle-signature', signature: 'h1', encoding: hex, pairSeparator: ';' });
const ts = /* @__PURE__ */ signature.parameter('ts');

/**
 * Paddle Billing notifications: `Paddle-Signature: ts=<unix seconds>;h1=<hex>`, an HMAC-SHA256
 * of `<ts>:<raw body>` keyed with the notification destination's secret key (`pdl_ntfset_…`,
 * used as its UTF-8 text). The event's `event_id` and `event_type` are in the signed body.
 *
 * The replay window is 5 seconds, the one `@paddle/paddle-node-sdk` 3.10 applies
 * (`MAX_VALID_TIME_DIFFERENCE`); the SDK checks the past only, hookverify both ways. The SDK
 * keeps only the last `h1` of the header; any `h1` may match here, each compared in constant
 * time, so a delivery the SDK accepts is accepted too.
 *
 * @example
 * ```ts
 * import { paddle } from 'hookverify/paddle';
 * import { createVerifier } from 'hookverify';
 *
 * const verifier = createVerifier(paddle, { secret: process.env.PADDLE_WEBHOOK_SECRET });
 * console.log(paddle.tolerance); // "5s"
 * ```
 */
export const paddle = /* @__PURE__ */ assembleSender({
  name: 'paddle',
  signatures: signature,
  signed: [ts, ':', body],
  algorithm: trustedHmac('sha256', utf8Secret),
  timestamp: unixSeconds(ts),
  id: trustedBodyField('event_id'),
  eventType: trustedBodyField('event_type'),
  tolerance: '5s',
});
