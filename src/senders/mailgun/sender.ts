import { trustedHmac } from '../../core/scheme/algorithms/hmac.js';
import { assembleSender } from '../../core/scheme/assemble-sender.js';
import { hex } from '../../core/scheme/encodings/hex.js';
import { utf8Secret } from '../../core/scheme/keys/utf8-secret.js';
import { signatureField } from '../../core/scheme/signatures/signature-field.js';
import { signedField } from '../../core/scheme/sources/signed-field.js';
import { unixSeconds } from '../../core/scheme/timestamps/unix-seconds.js';

const timestamp = /* @__PURE__ */ signedField('signature.timestamp');
const token = /* @__PURE__ */ signedField('signature.token');

/**
 * Mailgun webhooks (JSON), as Mailgun documents them (no Mailgun SDK verifies): there is no
 * signature header; the body is `{ "signature": { "timestamp", "token", "signature" },
 * "event-data": {...} }`, and `signature.signature` is the hex HMAC-SHA256, keyed with the HTTP
 * webhook signing key (UTF-8), of `signature.timestamp` immediately followed by `signature.token`.
 *
 * **The event data is not signed**: only the timestamp and the token are. Every delivery says so
 * with `authenticated: "body-fields"`: whoever holds one captured delivery can send its signature
 * with other event data. Confirm anything that matters with Mailgun's API. The signed token
 * (50 random characters, one per delivery) is the dedupe id, as Mailgun recommends; the event's
 * own `event-data.id` is not signed. The signed timestamp bounds replays; Mailgun documents no
 * window, so hookverify uses its usual 5 minutes both ways (`tolerance` changes it).
 *
 * To read the three fields, the body is parsed once (within `maxBodyBytes`) before the signature is
 * checked: the one exception to "verify before parse". The legacy form-encoded webhooks are
 * not covered.
 *
 * @example
 * ```ts
 * import { mailgun } from 'hookverify/mailgun';
 * import { createVerifier } from 'hookverify';
 *
 * const verifier = createVerifier(mailgun, { secret: process.env.MAILGUN_WEBHOOK_SIGNING_KEY });
 * console.log(mailgun.authenticated); // "body-fields"
 * ```
 */
export const mailgun = /* @__PURE__ */ assembleSender({
  name: 'mailgun',
  signatures: signatureField('signature.signature', { encoding: hex }),
  signed: [timestamp, token],
  algorithm: trustedHmac('sha256', utf8Secret),
  timestamp: unixSeconds(timestamp),
  id: token,
});
