import type { BodyPiece } from '../types.js';

/**
 * The raw body, byte for byte, as one piece of the signed content.
 *
 * @example
 * ```ts
 * import { composeSender, signatureHeader, body, hmac, utf8Secret, hex, bodyDigest } from 'hookverify';
 *
 * const linear = composeSender({
 *   name: 'linear',
 *   signatures: signatureHeader({ header: 'linear-signature', encoding: hex }),
 *   signed: [body],
 *   algorithm: hmac('sha256', utf8Secret),
 *   id: bodyDigest,
 * });
 * ```
 */
export const body: BodyPiece = /* @__PURE__ */ Object.freeze({ kind: 'body', key: 'body', label: 'the body' });
