import { decodeBase64, decodeBase64Into } from '../../encoding.js';
import type { SignatureEncoding } from '../types.js';

/**
 * Signatures written as standard padded base64 (RFC 4648 section 4), canonical only: a text
 * with non-zero pad bits is refused, so that no second text of one signature verifies.
 *
 * @example
 * ```ts
 * import { signatureHeader, base64 } from 'hookverify';
 *
 * const shopify = signatureHeader({ header: 'x-shopify-hmac-sha256', encoding: base64 });
 * ```
 */
export const base64: SignatureEncoding = /* @__PURE__ */ Object.freeze({ name: 'base64', decodeInto: decodeBase64Into, decode: decodeBase64 });
