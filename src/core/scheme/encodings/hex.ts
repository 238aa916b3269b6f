import { decodeHex, decodeHexInto } from '../../encoding.js';
import type { SignatureEncoding } from '../types.js';

/**
 * Signatures written as hex, of either case.
 *
 * @example
 * ```ts
 * import { signatureHeader, hex } from 'hookverify';
 *
 * const github = signatureHeader({ header: 'x-hub-signature-256', prefix: 'sha256=', encoding: hex });
 * ```
 */
export const hex: SignatureEncoding = /* @__PURE__ */ Object.freeze({ name: 'hex', decodeInto: decodeHexInto, decode: decodeHex });
