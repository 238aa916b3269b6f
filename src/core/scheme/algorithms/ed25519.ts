import type { CryptoBackend } from '../../../crypto/backend.js';
import { ConfigurationError } from '../../errors.js';
import type { Algorithm, BoundAlgorithm, KeyForm } from '../types.js';
import { bindPublicKey } from './any-valid.js';

// DER SubjectPublicKeyInfo header of an Ed25519 key (RFC 8410): the 32 key bytes follow.
const SPKI_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

/** A raw 32-byte Ed25519 public key as a DER SubjectPublicKeyInfo, which every backend imports. */
export function ed25519Spki(raw: Uint8Array): Uint8Array {
  const spki = new Uint8Array(SPKI_PREFIX.length + 32);
  spki.set(SPKI_PREFIX);
  spki.set(raw, SPKI_PREFIX.length);
  return spki;
}

/**
 * Ed25519 signatures (64 bytes), checked with the sender's public key: Standard Webhooks `v1a`
 * (`whpk_` keys) and Discord (hex keys). Whoever holds only the public key cannot sign, so the
 * key may live in configuration openly.
 *
 * @example
 * ```ts
 * import { ed25519, whpkPublicKey, hexPublicKey } from 'hookverify';
 *
 * const standardWebhooksV1a = ed25519(whpkPublicKey);
 * const discord = ed25519(hexPublicKey);
 * ```
 */
export function ed25519(key: KeyForm): Algorithm {
  if (typeof key?.decode !== 'function' || !key.public) {
    throw new ConfigurationError('invalid_option', 'ed25519() needs a public key form such as whpkPublicKey or hexPublicKey');
  }
  return Object.freeze({
    kind: 'ed25519',
    label: 'Ed25519',
    key,
    signatureLength: 64,
    // Each signature costs a verification per key: a handful is all a rotation needs.
    maxSignatures: 4,
    bind(backend: CryptoBackend): BoundAlgorithm | string {
      const bound = bindPublicKey(backend, 'ed25519', 'Ed25519');
      // Keys are configured as the raw 32 bytes; backends import a SubjectPublicKeyInfo.
      return typeof bound === 'string' ? bound : { ...bound, importKey: (raw) => bound.importKey(raw.byteLength === 32 ? ed25519Spki(raw) : raw) };
    },
  });
}
