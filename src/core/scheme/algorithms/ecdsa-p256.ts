import type { CryptoBackend } from '../../../crypto/backend.js';
import { ConfigurationError } from '../../errors.js';
import type { Algorithm, KeyForm } from '../types.js';
import { bindPublicKey } from './any-valid.js';

/**
 * `r || s` (32 bytes each) of a strict DER ECDSA-Sig-Value (RFC 3279), or undefined: a
 * non-canonical encoding is refused so that one signature has one accepted text.
 */
export function derToP1363(der: Uint8Array): Uint8Array | undefined {
  if (der.length < 8 || der[0] !== 0x30 || der[1] !== der.length - 2) return undefined;
  const out = new Uint8Array(64);
  let at = 2;
  for (let half = 0; half < 2; half++) {
    if (der[at] !== 0x02) return undefined;
    const length = der[at + 1]!;
    const start = at + 2;
    if (length === 0 || length > 33 || start + length > der.length) return undefined;
    // A leading zero only when the next byte's top bit is set; never negative.
    if (der[start]! & 0x80) return undefined;
    if (der[start] === 0 && (length === 1 || !(der[start + 1]! & 0x80))) return undefined;
    // 33 bytes only for that leading zero: any other first byte would be dropped below, and a
    // second text of one signature would verify.
    if (length === 33 && der[start] !== 0) return undefined;
    const value = der.subarray(length === 33 ? start + 1 : start, start + length);
    if (value.length > 32) return undefined;
    out.set(value, half * 32 + 32 - value.length);
    at = start + length;
  }
  return at === der.length ? out : undefined;
}

/**
 * ECDSA on P-256 with SHA-256, checked with the sender's public key (SendGrid signs its event
 * webhook this way, in DER). `signature: "raw"` is for senders that write `r || s` (64 bytes).
 *
 * @example
 * ```ts
 * import { ecdsaP256, spkiPublicKey } from 'hookverify';
 *
 * const sendgrid = ecdsaP256(spkiPublicKey, { signature: 'der' });
 * ```
 */
export function ecdsaP256(key: KeyForm, options: { readonly signature: 'der' | 'raw' }): Algorithm {
  if (typeof key?.decode !== 'function' || !key.public) {
    throw new ConfigurationError('invalid_option', 'ecdsaP256() needs a public key form such as spkiPublicKey');
  }
  const der = options?.signature === 'der';
  if (!der && options?.signature !== 'raw') throw new ConfigurationError('invalid_option', 'ecdsaP256() needs { signature: "der" } or { signature: "raw" }');
  return Object.freeze({
    kind: 'ecdsa-p256',
    label: 'ECDSA P-256',
    signatureFormat: options.signature,
    key,
    // DER lengths vary (8 to 72 bytes).
    signatureLength: der ? undefined : 64,
    maxSignatures: 4,
    bind: (backend: CryptoBackend) => bindPublicKey(backend, 'ecdsa-p256', 'ECDSA P-256', der ? derToP1363 : undefined),
  });
}
