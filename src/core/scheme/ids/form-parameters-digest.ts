import { encodeHex } from '../../encoding.js';
import { isPromise } from '../../is-promise.js';
import { formParameterText } from '../bindings/sorted-form-parameters.js';
import type { ComputedId } from '../types.js';

/**
 * The dedupe id of a sender that signs its form fields sorted ({@link sortedFormParameters}) and
 * no id or timestamp (Twilio): the SHA-256, as hex, of {@link formParameterText} of the verified
 * payload, i.e. of what is signed. A digest of the raw bytes would not do: the same signed
 * fields re-encoded or reordered are other bytes that verify too, so a replayed copy could
 * slip past dedupe under a new digest.
 *
 * @example
 * ```ts
 * import { composeSender, signatureHeader, requestUrl, sortedFormParameters, formParametersDigest, hmac, utf8Secret, base64, formBody } from 'hookverify';
 *
 * const twilioLike = composeSender({
 *   name: 'twilio-like',
 *   signatures: signatureHeader({ header: 'x-twilio-signature', encoding: base64 }),
 *   signed: [requestUrl, sortedFormParameters],
 *   algorithm: hmac('sha1', utf8Secret),
 *   body: formBody,
 *   id: formParametersDigest,
 * });
 * ```
 */
export const formParametersDigest: ComputedId = /* @__PURE__ */ Object.freeze({
  // Not "body-digest": that names the SHA-256 of the raw bytes, which this is not.
  kind: 'function',
  label: "the SHA-256 of the form's sorted parameters",
  compute({ payload }, backend) {
    if (payload === null || typeof payload !== 'object') return undefined;
    const digest = backend.sha256(formParameterText(payload as Parameters<typeof formParameterText>[0]));
    return isPromise<Uint8Array>(digest) ? digest.then((bytes) => encodeHex(bytes)) : encodeHex(digest);
  },
} satisfies ComputedId);
