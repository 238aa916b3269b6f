import type { KeyForm } from '../types.js';
import { decodeKeyBase64 } from './padded-base64.js';

/**
 * Standard Webhooks public keys (`v1a`, Ed25519): an optional `whpk_` prefix, then base64 of the
 * 32-byte key.
 *
 * @example
 * ```ts
 * import { ed25519, whpkPublicKey } from 'hookverify';
 *
 * const algorithm = ed25519(whpkPublicKey);
 * ```
 */
export const whpkPublicKey: KeyForm = /* @__PURE__ */ Object.freeze({
  encoding: 'whpk',
  expected: '"whpk_" followed by the base64 of a 32-byte Ed25519 public key',
  public: true,
  decode(text: string) {
    const trimmed = text.trim();
    const key = decodeKeyBase64(trimmed.startsWith('whpk_') ? trimmed.slice(5) : trimmed);
    return key?.byteLength === 32 ? key : undefined;
  },
});
