import { decodeHex } from '../../encoding.js';
import type { KeyForm } from '../types.js';

const HEX_TEXT = /^[0-9a-fA-F]{32,}$/;

/**
 * Secrets written as hex, used as the bytes they encode (Peridio's 32 hex characters are a
 * 16-byte key). Fewer than 32 characters is refused: a copy-paste accident, not a key.
 *
 * @example
 * ```ts
 * import { hmac, hexSecret } from 'hookverify';
 *
 * const algorithm = hmac('sha256', hexSecret);
 * ```
 */
export const hexSecret: KeyForm = /* @__PURE__ */ Object.freeze({
  encoding: 'hex',
  expected: 'at least 32 hex characters (Peridio shows 32)',
  public: false,
  decode(text: string) {
    const trimmed = text.trim();
    return HEX_TEXT.test(trimmed) ? decodeHex(trimmed) : undefined;
  },
});
