import { bodyText } from '../../body.js';
import { NOT_OF_KIND, type BodyKind } from '../types.js';

/**
 * A UTF-8 JSON body (the default): `payload` is the parsed value, parsed only after the
 * signature holds. An empty body is not JSON.
 *
 * @example
 * ```ts
 * import { composeSender, signatureHeader, body, hmac, utf8Secret, jsonBody, bodyDigest, hex } from 'hookverify';
 *
 * const vendor = composeSender({
 *   name: 'vendor',
 *   signatures: signatureHeader({ header: 'x-signature', encoding: hex }),
 *   signed: [body],
 *   algorithm: hmac('sha256', utf8Secret),
 *   body: jsonBody,
 *   id: bodyDigest,
 * });
 * ```
 */
export const jsonBody: BodyKind = /* @__PURE__ */ Object.freeze({
  name: 'json',
  noun: 'valid UTF-8 JSON',
  hasFields: true,
  read(body) {
    const text = bodyText(body);
    if (text === undefined) return NOT_OF_KIND;
    try {
      return JSON.parse(text);
    } catch {
      return NOT_OF_KIND;
    }
  },
} satisfies BodyKind);
