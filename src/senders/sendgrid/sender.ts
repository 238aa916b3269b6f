import { ecdsaP256 } from '../../core/scheme/algorithms/ecdsa-p256.js';
import { assembleSender } from '../../core/scheme/assemble-sender.js';
import { derBase64 } from '../../core/scheme/encodings/der-base64.js';
import { bodyDigest } from '../../core/scheme/ids/body-digest.js';
import { spkiPublicKey } from '../../core/scheme/keys/spki-public-key.js';
import { trustedSignatureHeader } from '../../core/scheme/signatures/signature-header.js';
import { body } from '../../core/scheme/sources/body.js';
import { trustedHeader } from '../../core/scheme/sources/header.js';
import { unixSeconds } from '../../core/scheme/timestamps/unix-seconds.js';

const timestamp = /* @__PURE__ */ trustedHeader('x-twilio-email-event-webhook-timestamp');

/**
 * The SendGrid (Twilio) Event Webhook with signature verification on, as @sendgrid/eventwebhook
 * 8.0.0 (`EventWebhook.verifySignature`) checks it: `X-Twilio-Email-Event-Webhook-Signature` is
 * the base64 of a DER ECDSA P-256 / SHA-256 signature of the
 * `X-Twilio-Email-Event-Webhook-Timestamp` value (Unix seconds) immediately followed by the raw
 * body; the verification key is the one SendGrid's settings show, the base64 of a DER
 * SubjectPublicKeyInfo (a PEM block works too).
 *
 * The timestamp is signed, so it bounds replays. The SDK does not check its age; hookverify uses
 * its usual 5-minute window both ways (`tolerance` changes it). The body is a JSON array of events,
 * each with its own `sg_event_id`, so the dedupe id of the delivery is the SHA-256 of the signed
 * body; dedupe single events on `sg_event_id` in your handler.
 *
 * @example
 * ```ts
 * import { sendgrid } from 'hookverify/sendgrid';
 * import { createVerifier } from 'hookverify';
 *
 * const verifier = createVerifier(sendgrid, { secret: process.env.SENDGRID_WEBHOOK_PUBLIC_KEY });
 * ```
 */
export const sendgrid = /* @__PURE__ */ assembleSender({
  name: 'sendgrid',
  signatures: trustedSignatureHeader({ header: 'x-twilio-email-event-webhook-signature', encoding: derBase64 }),
  signed: [timestamp, body],
  algorithm: ecdsaP256(spkiPublicKey, { signature: 'der' }),
  timestamp: unixSeconds(timestamp),
  id: bodyDigest,
});
