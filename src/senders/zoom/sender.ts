import { trustedHmac } from '../../core/scheme/algorithms/hmac.js';
import { assembleSender } from '../../core/scheme/assemble-sender.js';
import { hex } from '../../core/scheme/encodings/hex.js';
import { bodyDigest } from '../../core/scheme/ids/body-digest.js';
import { utf8Secret } from '../../core/scheme/keys/utf8-secret.js';
import { trustedSignatureHeader } from '../../core/scheme/signatures/signature-header.js';
import { body } from '../../core/scheme/sources/body.js';
import { trustedBodyField } from '../../core/scheme/sources/body-field.js';
import { trustedHeader } from '../../core/scheme/sources/header.js';
import { unixSeconds } from '../../core/scheme/timestamps/unix-seconds.js';

const requestTimestamp = /* @__PURE__ */ trustedHeader('x-zm-request-timestamp');

/**
 * Zoom: `x-zm-signature: v0=<hex>`, the HMAC-SHA256 of `v0:<x-zm-request-timestamp>:<raw body>`
 * keyed with the app's secret token as UTF-8 (developers.zoom.us, "Verify webhook events";
 * @zoom/rivet 0.4.0 `CommonHttpRequest`). The replay window is 5 minutes, hookverify's default:
 * Rivet checks none. Zoom sends no delivery id (`x-zm-trackingid` is not signed), so the dedupe
 * id is the body's SHA-256, the same on a retry; the event type is the signed body's `event`.
 * Registering the endpoint sends a signed `endpoint.url_validation` event: answer it with
 * {@link zoomUrlValidationResponse}. Unlike Rivet, which hashes `JSON.stringify(JSON.parse(body))`,
 * hookverify verifies the raw bytes.
 *
 * @example
 * ```ts
 * import { zoom } from 'hookverify/zoom';
 * import { createVerifier } from 'hookverify';
 *
 * const verifier = createVerifier(zoom, { secret: process.env.ZOOM_WEBHOOK_SECRET_TOKEN });
 * ```
 */
export const zoom = /* @__PURE__ */ assembleSender({
  name: 'zoom',
  signatures: trustedSignatureHeader({ header: 'x-zm-signature', prefix: 'v0=', encoding: hex }),
  signed: ['v0:', requestTimestamp, ':', body],
  algorithm: trustedHmac('sha256', utf8Secret),
  timestamp: unixSeconds(requestTimestamp),
  id: bodyDigest,
  eventType: trustedBodyField('event'),
});
