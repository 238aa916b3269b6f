import { bodyText } from '../../body.js';
import { NOT_OF_KIND, type BodyKind } from '../types.js';

/**
 * A UTF-8 text body, not parsed: `payload` is the string (possibly empty).
 *
 * @example
 * ```ts
 * import { composeSender, signatureHeader, body, hmac, utf8Secret, textBody, hex } from 'hookverify';
 *
 * const pinger = composeSender({
 *   name: 'pinger',
 *   signatures: signatureHeader({ header: 'x-signature', encoding: hex }),
 *   signed: [body],
 *   algorithm: hmac('sha256', utf8Secret),
 *   body: textBody,
 * });
 * ```
 */
export const textBody: BodyKind = /* @__PURE__ */ Object.freeze({
  name: 'text',
  noun: 'valid UTF-8 text',
  hasFields: false,
  read: (body) => bodyText(body) ?? NOT_OF_KIND,
} satisfies BodyKind);
