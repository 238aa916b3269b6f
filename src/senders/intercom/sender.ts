import { trustedHmac } from '../../core/scheme/algorithms/hmac.js';
import { assembleSender } from '../../core/scheme/assemble-sender.js';
import { hex } from '../../core/scheme/encodings/hex.js';
import { bodyDigest } from '../../core/scheme/ids/body-digest.js';
import { utf8Secret } from '../../core/scheme/keys/utf8-secret.js';
import { trustedSignatureHeader } from '../../core/scheme/signatures/signature-header.js';
import { body } from '../../core/scheme/sources/body.js';
import { trustedBodyField } from '../../core/scheme/sources/body-field.js';

/**
 * Intercom, from its webhook documentation (no Intercom SDK verifies):
 * `X-Hub-Signature: sha1=<hex>`, an HMAC-SHA1 of the raw body keyed with the app's client secret
 * as UTF-8 text. Nothing signed says when (`created_at` in the body is the notification's
 * time): a captured delivery verifies for ever (`replayProtection: "none"`), so the dedupe id is
 * the body's SHA-256. The event type is the signed body's `topic`
 * (`conversation.user.created`…).
 *
 * @example
 * ```ts
 * import { intercom } from 'hookverify/intercom';
 * import { createVerifier } from 'hookverify';
 *
 * const verifier = createVerifier(intercom, { secret: process.env.INTERCOM_CLIENT_SECRET });
 * ```
 */
export const intercom = /* @__PURE__ */ assembleSender({
  name: 'intercom',
  signatures: trustedSignatureHeader({ header: 'x-hub-signature', prefix: 'sha1=', encoding: hex }),
  signed: [body],
  algorithm: trustedHmac('sha1', utf8Secret),
  id: bodyDigest,
  eventType: trustedBodyField('topic'),
});
