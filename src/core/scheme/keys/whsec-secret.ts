import type { KeyForm } from '../types.js';
import { decodeKeyBase64 } from './padded-base64.js';

/**
 * Standard Webhooks secrets: an optional `whsec_` prefix, then base64 of the key bytes.
 *
 * @example
 * ```ts
 * import { hmac, whsecSecret } from 'hookverify';
 *
 * const algorithm = hmac('sha256', whsecSecret);
 * ```
 */
export const whsecSecret: KeyForm = /* @__PURE__ */ Object.freeze({
  encoding: 'whsec',
  expected: '"whsec_" followed by base64',
  public: false,
  decode(text: string) {
    const trimmed = text.trim();
    return decodeKeyBase64(trimmed.startsWith('whsec_') ? trimmed.slice(6) : trimmed);
  },
});
