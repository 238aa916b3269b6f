import { utf8 } from '../../encoding.js';
import type { BodyKind } from '../types.js';

/**
 * Any body: `payload` is the body's `Uint8Array` as given (not copied), or the UTF-8 bytes of a
 * string body.
 *
 * @example
 * ```ts
 * import { composeSender, signatureHeader, body, hmac, utf8Secret, bytesBody, base64 } from 'hookverify';
 *
 * const uploads = composeSender({
 *   name: 'uploads',
 *   signatures: signatureHeader({ header: 'x-signature', encoding: base64 }),
 *   signed: [body],
 *   algorithm: hmac('sha256', utf8Secret),
 *   body: bytesBody,
 * });
 * ```
 */
export const bytesBody: BodyKind = /* @__PURE__ */ Object.freeze({
  name: 'bytes',
  noun: 'bytes',
  hasFields: false,
  read: (body) => (typeof body === 'string' ? utf8(body) : body),
} satisfies BodyKind);
