import type { KeyForm } from '../types.js';
import { decodeKeyBase64 } from './padded-base64.js';

/**
 * Secrets written as base64, used as the bytes they encode.
 *
 * @example
 * ```ts
 * import { hmac, base64Secret } from 'hookverify';
 *
 * const algorithm = hmac('sha256', base64Secret);
 * ```
 */
export const base64Secret: KeyForm = /* @__PURE__ */ Object.freeze({
  encoding: 'base64',
  expected: 'base64',
  public: false,
  decode: (text: string) => decodeKeyBase64(text.trim()),
});
