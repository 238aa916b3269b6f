import { trustedHmac } from '../../core/scheme/algorithms/hmac.js';
import { assembleSender } from '../../core/scheme/assemble-sender.js';
import { hex } from '../../core/scheme/encodings/hex.js';
import { bodyDigest } from '../../core/scheme/ids/body-digest.js';
import { utf8Secret } from '../../core/scheme/keys/utf8-secret.js';
import { trustedSignatureHeader } from '../../core/scheme/signatures/signature-header.js';
import { body } from '../../core/scheme/sources/body.js';

/**
 * Meta's Graph API webhooks (WhatsApp Cloud API, Messenger, Instagram): `X-Hub-Signature-256:
 * sha256=<hex>`, the HMAC-SHA256 of the raw body keyed with the app secret as UTF-8
 * (developers.facebook.com, Graph API "Webhooks"; Meta publishes no Node SDK that verifies).
 * Meta writes non-ASCII as `\uXXXX` escapes and signs those bytes, so only the raw body
 * verifies: `JSON.stringify` of the parsed payload writes the characters themselves. Nothing
 * dates a delivery (`entry[].time` is in the body, unchanged by a replay), so deliveries are
 * replayable (`replayProtection: "none"`) and the dedupe id is the body's SHA-256. The GET
 * subscription check (`hub.verify_token`, `hub.challenge`) is not signed and not handled here.
 *
 * @example
 * ```ts
 * import { meta } from 'hookverify/meta';
 * import { createVerifier } from 'hookverify';
 *
 * const verifier = createVerifier(meta, { secret: process.env.META_APP_SECRET });
 * ```
 */
export const meta = /* @__PURE__ */ assembleSender({
  name: 'meta',
  signatures: trustedSignatureHeader({ header: 'x-hub-signature-256', prefix: 'sha256=', encoding: hex }),
  signed: [body],
  algorithm: trustedHmac('sha256', utf8Secret),
  id: bodyDigest,
});
