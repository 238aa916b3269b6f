import type { KeyForm } from '../types.js';
import { decodeKeyBase64 } from './padded-base64.js';

const PEM_ARMOR = /-----(BEGIN|END) PUBLIC KEY-----/g;

/**
 * Public keys as a DER SubjectPublicKeyInfo in base64, bare (SendGrid's verification key) or in
 * a PEM `PUBLIC KEY` block.
 *
 * @example
 * ```ts
 * import { ecdsaP256, spkiPublicKey } from 'hookverify';
 *
 * const algorithm = ecdsaP256(spkiPublicKey, { signature: 'der' });
 * ```
 */
export const spkiPublicKey: KeyForm = /* @__PURE__ */ Object.freeze({
  encoding: 'spki',
  expected: 'the base64 of a DER public key (SubjectPublicKeyInfo), bare or in a PEM block',
  public: true,
  decode: (text: string) => decodeKeyBase64(text.replace(PEM_ARMOR, '').replace(/\s+/g, '')),
});
