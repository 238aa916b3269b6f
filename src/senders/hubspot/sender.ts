import { trustedHmac } from '../../core/scheme/algorithms/hmac.js';
import { assembleSender } from '../../core/scheme/assemble-sender.js';
import { base64 } from '../../core/scheme/encodings/base64.js';
import { bodyDigest } from '../../core/scheme/ids/body-digest.js';
import { utf8Secret } from '../../core/scheme/keys/utf8-secret.js';
import { trustedSignatureHeader } from '../../core/scheme/signatures/signature-header.js';
import { body } from '../../core/scheme/sources/body.js';
import { trustedHeader } from '../../core/scheme/sources/header.js';
import { requestMethod } from '../../core/scheme/sources/request-method.js';
import { requestUrl } from '../../core/scheme/sources/request-url.js';
import { unixMillis } from '../../core/scheme/timestamps/unix-millis.js';

const requestTimestamp = /* @__PURE__ */ trustedHeader('x-hubspot-request-timestamp');

/**
 * HubSpot, signature v3: `X-HubSpot-Signature-v3` is the base64 HMAC-SHA256, keyed with the
 * app's client secret as UTF-8, of the method, the full request URL, the raw body and
 * `X-HubSpot-Request-Timestamp` (Unix milliseconds), with no separators (@hubspot/api-client
 * 13.5.0 `Signature.getSignature`). The replay window is 5 minutes, the SDK's 300,000 ms (it
 * checks the past only, hookverify both ways). The URL is signed as given, as the SDK does:
 * HubSpot's documentation asks to decode some `%XX` escapes first, which the SDK leaves to the
 * caller. The body is a batch of events, each with its own `eventId`, which HubSpot does not
 * promise unique; the dedupe id is the body's SHA-256, and a retry (its `attemptNumber` changed)
 * is a new delivery: dedupe the events inside it too.
 *
 * @example
 * ```ts
 * import { hubspot } from 'hookverify/hubspot';
 * import { createVerifier } from 'hookverify';
 *
 * const verifier = createVerifier(hubspot, { secret: process.env.HUBSPOT_CLIENT_SECRET, url: 'https://example.com/webhooks/hubspot' });
 * ```
 */
export const hubspot = /* @__PURE__ */ assembleSender({
  name: 'hubspot',
  signatures: trustedSignatureHeader({ header: 'x-hubspot-signature-v3', encoding: base64 }),
  signed: [requestMethod, requestUrl, body, requestTimestamp],
  algorithm: trustedHmac('sha256', utf8Secret),
  timestamp: unixMillis(requestTimestamp),
  id: bodyDigest,
});
