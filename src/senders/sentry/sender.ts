import { trustedHmac } from '../../core/scheme/algorithms/hmac.js';
import { assembleSender } from '../../core/scheme/assemble-sender.js';
import { hex } from '../../core/scheme/encodings/hex.js';
import { bodyDigest } from '../../core/scheme/ids/body-digest.js';
import { utf8Secret } from '../../core/scheme/keys/utf8-secret.js';
import { trustedSignatureHeader } from '../../core/scheme/signatures/signature-header.js';
import { body } from '../../core/scheme/sources/body.js';

/**
 * Sentry's integration platform, from its webhook documentation (no Sentry SDK verifies):
 * `Sentry-Hook-Signature: <hex>`, an HMAC-SHA256 of the body keyed with the integration's
 * client secret as UTF-8 text. Sentry's sample signs `JSON.stringify(req.body)`, which is the
 * raw body as long as Sentry sends compact JSON; hookverify checks the raw bytes and never
 * re-serializes. `Sentry-Hook-Timestamp` is not signed, so it cannot bound replays
 * (`replayProtection: "none"`) and is not read; nor are the unsigned `Request-ID` and
 * `Sentry-Hook-Resource`. The dedupe id is the body's SHA-256; the signed body's `action` is the
 * event's verb within the resource.
 *
 * @example
 * ```ts
 * import { sentry } from 'hookverify/sentry';
 * import { createVerifier } from 'hookverify';
 *
 * const verifier = createVerifier(sentry, { secret: process.env.SENTRY_CLIENT_SECRET });
 * ```
 */
export const sentry = /* @__PURE__ */ assembleSender({
  name: 'sentry',
  signatures: trustedSignatureHeader({ header: 'sentry-hook-signature', encoding: hex }),
  signed: [body],
  algorithm: trustedHmac('sha256', utf8Secret),
  id: bodyDigest,
});
