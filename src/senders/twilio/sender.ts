import { trustedHmac } from '../../core/scheme/algorithms/hmac.js';
import { sortedFormParameters } from '../../core/scheme/bindings/sorted-form-parameters.js';
import { urlWithBodyDigest } from '../../core/scheme/bindings/url-with-body-digest.js';
import { formBody } from '../../core/scheme/bodies/form-body.js';
import { assembleSender } from '../../core/scheme/assemble-sender.js';
import { base64 } from '../../core/scheme/encodings/base64.js';
import { bodyDigest } from '../../core/scheme/ids/body-digest.js';
import { formParametersDigest } from '../../core/scheme/ids/form-parameters-digest.js';
import { utf8Secret } from '../../core/scheme/keys/utf8-secret.js';
import { trustedSignatureHeader } from '../../core/scheme/signatures/signature-header.js';
import { requestUrl } from '../../core/scheme/sources/request-url.js';

// One base64 HMAC-SHA1 per request, keyed with the auth token's UTF-8 (twilio 6.3.1,
// lib/webhooks/webhooks.js `getExpectedTwilioSignature`).
const signatures = /* @__PURE__ */ trustedSignatureHeader({ header: 'x-twilio-signature', encoding: base64 });

/**
 * Twilio's voice and messaging webhooks, which post forms: `X-Twilio-Signature` is the base64
 * HMAC-SHA1, keyed with the auth token, of the full URL Twilio requested (scheme, host, path and
 * query, exactly) followed by every form parameter sorted by name as `<name><value>` (twilio
 * 6.3.1 `getExpectedTwilioSignature`; twilio.com/docs/usage/security). Nothing dates a request,
 * so deliveries are replayable (`replayProtection: "none"`); the dedupe id is the SHA-256 of the
 * signed parameters, which a re-encoded copy cannot change. Pass the URL Twilio is configured
 * with (`url`) when a proxy changes scheme, host or port: unlike the SDK, which tries the URL
 * with and without the default port, hookverify computes one HMAC per secret.
 *
 * @example
 * ```ts
 * import { twilio } from 'hookverify/twilio';
 * import { createVerifier } from 'hookverify';
 *
 * const verifier = createVerifier(twilio, { secret: process.env.TWILIO_AUTH_TOKEN, url: 'https://example.com/twilio/sms' });
 * ```
 */
export const twilio = /* @__PURE__ */ assembleSender({
  name: 'twilio',
  signatures,
  signed: [requestUrl, sortedFormParameters],
  algorithm: trustedHmac('sha1', utf8Secret),
  body: formBody,
  id: formParametersDigest,
});

/**
 * Twilio's JSON webhooks (Event Streams and newer products): the URL carries
 * `bodySHA256=<hex SHA-256 of the body>` and only the URL is signed, with the same base64
 * HMAC-SHA1 as {@link twilio} (twilio 6.3.1 `validateRequestWithBody`); the body must then hash to
 * that value, so every byte of it is bound. Replayable like {@link twilio}; the dedupe id is the
 * body's SHA-256. Each request's own URL is needed, query included: the digest is in it, so a
 * pinned `url` cannot serve, and `createWebhookReceiver` (which passes no URL) cannot either:
 * call the verifier with `url`.
 *
 * @example
 * ```ts
 * import { twilioJson } from 'hookverify/twilio';
 * import { createVerifier } from 'hookverify';
 *
 * const verifier = createVerifier(twilioJson, { secret: process.env.TWILIO_AUTH_TOKEN });
 * const delivery = await verifier.verify({ body: rawBody, headers: request.headers, url: request.url });
 * ```
 */
export const twilioJson = /* @__PURE__ */ assembleSender({
  name: 'twilio-json',
  signatures,
  signed: [urlWithBodyDigest('bodySHA256')],
  algorithm: trustedHmac('sha1', utf8Secret),
  id: bodyDigest,
});
