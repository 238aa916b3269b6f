import { hmac } from '../../core/scheme/algorithms/hmac.js';
import { assembleSender } from '../../core/scheme/assemble-sender.js';
import type { Sender } from '../../core/scheme/compose-sender.js';
import type { SignatureHeaderSource } from '../../core/scheme/signatures/signature-header.js';
import { hex } from '../../core/scheme/encodings/hex.js';
import { bodyDigest } from '../../core/scheme/ids/body-digest.js';
import { utf8Secret } from '../../core/scheme/keys/utf8-secret.js';
import { signatureHeader } from '../../core/scheme/signatures/signature-header.js';
import { body } from '../../core/scheme/sources/body.js';
import { bodyField } from '../../core/scheme/sources/body-field.js';
import { rfc3339 } from '../../core/scheme/timestamps/rfc3339.js';

/**
 * The signature header hookverify expects from EdgeSense. EdgeSense's guide says the
 * signature comes in a header but does not name it: this default is an assumption, so the
 * name is an option of {@link edgesenseSender}.
 *
 * @example
 * ```ts
 * import { EDGESENSE_DEFAULT_SIGNATURE_HEADER } from 'hookverify/edgesense';
 *
 * const signature = request.headers.get(EDGESENSE_DEFAULT_SIGNATURE_HEADER); // "x-edgesense-signature"
 * ```
 */
export const EDGESENSE_DEFAULT_SIGNATURE_HEADER = 'x-edgesense-signature';

/**
 * Options of {@link edgesenseSender}.
 *
 * @example
 * ```ts
 * import { edgesenseSender, type EdgeSenseSenderOptions } from 'hookverify/edgesense';
 *
 * const options: EdgeSenseSenderOptions = { signatureHeader: 'x-signature' };
 * const sender = edgesenseSender(options);
 * ```
 */
export interface EdgeSenseSenderOptions {
  /** The header that carries the hex signature. Default `x-edgesense-signature`. */
  readonly signatureHeader?: string;
}

/**
 * Describes EdgeSense: hex HMAC-SHA256 of the raw body keyed by the UTF-8 secret. There is no
 * timestamp header, so the replay window uses the envelope's `timestamp` once the signature
 * holds, and there is no event id, so the dedupe id is a SHA-256 of the raw body (identical
 * across retries of one delivery). That timestamp is the event's, re-sent unchanged on retries,
 * so the default replay window is one day (the retry horizon), not 5 minutes; receive EdgeSense
 * with dedupe so that replays inside it are not processed twice.
 *
 * @example
 * ```ts
 * import { edgesenseSender } from 'hookverify/edgesense';
 *
 * const sender = edgesenseSender({ signatureHeader: 'x-signature' });
 * ```
 */
export function edgesenseSender(options: EdgeSenseSenderOptions = {}): Sender<SignatureHeaderSource> {
  return assembleSender({
    name: 'edgesense',
    signatures: signatureHeader({ header: options.signatureHeader ?? EDGESENSE_DEFAULT_SIGNATURE_HEADER, encoding: hex }),
    signed: [body],
    algorithm: hmac('sha256', utf8Secret),
    timestamp: rfc3339(bodyField('timestamp')),
    id: bodyDigest,
    // Five retries with exponential backoff; a day is a safe upper bound for the horizon.
    retryHorizon: '1d',
    // The only time EdgeSense sends is the event's, inside the body, and a retry re-sends the
    // same body: a 5-minute window would refuse every retry after the fifth minute and lose the
    // event. Replays inside the window are absorbed by dedupe on the body digest, whose
    // retention (horizon + margin) outlasts the window.
    tolerance: '1d',
  });
}

/**
 * EdgeSense with the default signature header.
 *
 * @example
 * ```ts
 * import { edgesense } from 'hookverify/edgesense';
 * import { signDelivery } from 'hookverify/testing';
 *
 * const { body, headers } = await signDelivery(edgesense, { secret: 'shared', body: { event: 'device.data' } });
 * ```
 */
export const edgesense = /* @__PURE__ */ edgesenseSender();
