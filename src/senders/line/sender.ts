import { trustedHmac } from '../../core/scheme/algorithms/hmac.js';
import { assembleSender } from '../../core/scheme/assemble-sender.js';
import { base64 } from '../../core/scheme/encodings/base64.js';
import { bodyDigest } from '../../core/scheme/ids/body-digest.js';
import { utf8Secret } from '../../core/scheme/keys/utf8-secret.js';
import { trustedSignatureHeader } from '../../core/scheme/signatures/signature-header.js';
import { body } from '../../core/scheme/sources/body.js';

/**
 * LINE Messaging API webhooks, as @line/bot-sdk 11.0.0 (`validateSignature`) checks them:
 * `x-line-signature` is the base64 HMAC-SHA256 of the raw body, keyed with the channel secret
 * (UTF-8). Nothing else is signed.
 *
 * **Replayable**: no timestamp is signed (each event's `timestamp` is the event's time, not the
 * delivery's), so a captured delivery verifies for ever (`replayProtection: "none"`,
 * `replayable: true` on every delivery). The dedupe id is therefore the SHA-256 of the signed
 * body. One delivery may carry several events; each has a `webhookEventId` (signed, in the body)
 * to dedupe single events on in your handler.
 *
 * Only canonical padded base64 is accepted, where the SDK's lenient decoder also takes base64url
 * and ignores stray characters: LINE sends standard base64.
 *
 * @example
 * ```ts
 * import { line } from 'hookverify/line';
 * import { createVerifier } from 'hookverify';
 *
 * const verifier = createVerifier(line, { secret: process.env.LINE_CHANNEL_SECRET });
 * console.log(line.replayProtection); // "none": receive it with dedupe
 * ```
 */
export const line = /* @__PURE__ */ assembleSender({
  name: 'line',
  signatures: trustedSignatureHeader({ header: 'x-line-signature', encoding: base64 }),
  signed: [body],
  algorithm: trustedHmac('sha256', utf8Secret),
  id: bodyDigest,
});
