import { trustedHmac } from '../../core/scheme/algorithms/hmac.js';
import { assembleSender } from '../../core/scheme/assemble-sender.js';
import { hex } from '../../core/scheme/encodings/hex.js';
import { utf8Secret } from '../../core/scheme/keys/utf8-secret.js';
import { trustedSignatureHeader } from '../../core/scheme/signatures/signature-header.js';
import { body } from '../../core/scheme/sources/body.js';
import { trustedBodyField } from '../../core/scheme/sources/body-field.js';
import { trustedHeader } from '../../core/scheme/sources/header.js';
import { trustedRfc3339 } from '../../core/scheme/timestamps/rfc3339.js';

const messageId = /* @__PURE__ */ trustedHeader('twitch-eventsub-message-id');
const messageTimestamp = /* @__PURE__ */ trustedHeader('twitch-eventsub-message-timestamp');

/**
 * Twitch EventSub over webhooks: `Twitch-Eventsub-Message-Signature: sha256=<hex>`, the
 * HMAC-SHA256 of the message id, the message timestamp (RFC 3339 with nanoseconds, as sent) and
 * the raw body, with no separators, keyed with the subscription's secret as UTF-8
 * (dev.twitch.tv/docs/eventsub/handling-webhook-events; Twitch publishes no Node SDK). The replay
 * window is the 10 minutes Twitch's documentation asks for; the dedupe id is the signed message
 * id, which Twitch keeps on a resend; the event type is the signed body's `subscription.type`.
 * `Twitch-Eventsub-Message-Type` is not signed and is not read: a `webhook_callback_verification`
 * message has a `challenge` in its (signed) body, to answer as plain text.
 *
 * @example
 * ```ts
 * import { twitch } from 'hookverify/twitch';
 * import { createVerifier } from 'hookverify';
 *
 * const verifier = createVerifier(twitch, { secret: process.env.TWITCH_EVENTSUB_SECRET });
 * ```
 */
export const twitch = /* @__PURE__ */ assembleSender({
  name: 'twitch',
  signatures: trustedSignatureHeader({ header: 'twitch-eventsub-message-signature', prefix: 'sha256=', encoding: hex }),
  signed: [messageId, messageTimestamp, body],
  algorithm: trustedHmac('sha256', utf8Secret),
  timestamp: trustedRfc3339(messageTimestamp),
  id: messageId,
  eventType: trustedBodyField('subscription.type'),
  tolerance: '10m',
});
