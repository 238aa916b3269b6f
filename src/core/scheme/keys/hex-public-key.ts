import { decodeHex } from '../../encoding.js';
import type { KeyForm } from '../types.js';

/**
 * Ed25519 public keys written as 64 hex characters (Discord's application public key).
 *
 * @example
 * ```ts
 * import { ed25519, hexPublicKey } from 'hookverify';
 *
 * const algorithm = ed25519(hexPublicKey);
 * ```
 */
export const hexPublicKey: KeyForm = /* @__PURE__ */ Object.freeze({
  encoding: 'hex',
  expected: '64 hex characters (a 32-byte Ed25519 public key)',
  public: true,
  decode(text: string) {
    const key = decodeHex(text.trim());
    return key?.byteLength === 32 ? key : undefined;
  },
});
