import { encodeHex } from '../../encoding.js';
import { isPromise } from '../../is-promise.js';
import type { ComputedId } from '../types.js';

/**
 * The dedupe id of a sender that signs its body but sends no signed id (GitHub, Shopify,
 * EdgeSense): the SHA-256 of the raw body, as hex. A retry re-sends the same bytes, so it gets
 * the same id; a replayed copy does too, which is what lets dedupe absorb replays of a sender
 * without a signed timestamp. An unsigned id header could be rewritten by whoever replays.
 *
 * @example
 * ```ts
 * import { composeSender, signatureHeader, body, hmac, utf8Secret, bodyDigest, hex } from 'hookverify';
 *
 * const shopify = composeSender({
 *   name: 'shopify',
 *   signatures: signatureHeader({ header: 'x-shopify-hmac-sha256', encoding: hex }),
 *   signed: [body],
 *   algorithm: hmac('sha256', utf8Secret),
 *   id: bodyDigest,
 * });
 * ```
 */
export const bodyDigest: ComputedId = /* @__PURE__ */ Object.freeze({
  kind: 'body-digest',
  label: "the body's SHA-256",
  compute({ body }, backend) {
    const digest = backend.sha256(body);
    return isPromise<Uint8Array>(digest) ? digest.then((bytes) => encodeHex(bytes)) : encodeHex(digest);
  },
} satisfies ComputedId);
