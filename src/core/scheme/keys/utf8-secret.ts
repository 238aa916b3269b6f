import { utf8 } from '../../encoding.js';
import type { KeyForm } from '../types.js';

/**
 * Secrets used as their UTF-8 text, exactly as given (GitHub, Stripe, Shopify, Slack and most
 * vendors; Stripe's `whsec_…` too, prefix and all).
 *
 * @example
 * ```ts
 * import { hmac, utf8Secret } from 'hookverify';
 *
 * const algorithm = hmac('sha256', utf8Secret);
 * ```
 */
export const utf8Secret: KeyForm = /* @__PURE__ */ Object.freeze({
  encoding: 'utf8',
  expected: 'a non-empty string',
  public: false,
  decode: (text: string) => (text.trim().length > 0 ? utf8(text) : undefined),
});
