import type { CryptoBackend, HmacHash } from '../../../crypto/backend.js';
import { ConfigurationError } from '../../errors.js';
import { isPromise } from '../../is-promise.js';
import type { Algorithm, KeyForm } from '../types.js';

const DIGEST_BYTES: Readonly<Record<HmacHash, number>> = { sha1: 20, sha256: 32, sha512: 64 };

/**
 * Whether the digest equals any candidate. Every candidate is compared, so the time taken does
 * not say which one matched.
 */
function anyEqual(backend: CryptoBackend, digest: Uint8Array, candidates: readonly Uint8Array[]): boolean {
  let found = false;
  for (let i = 0; i < candidates.length; i++) if (backend.timingSafeEqual(digest, candidates[i]!)) found = true;
  return found;
}

/**
 * An HMAC algorithm: each configured secret costs one digest per request, compared in constant
 * time with every signature the delivery carries.
 *
 * @example
 * ```ts
 * import { hmac, hexSecret, utf8Secret } from 'hookverify';
 *
 * const peridio = hmac('sha256', hexSecret);
 * const twilio = hmac('sha1', utf8Secret);
 * ```
 */
export function hmac(hash: HmacHash, key: KeyForm): Algorithm {
  const length = DIGEST_BYTES[hash];
  if (typeof length !== 'number' || !Object.prototype.hasOwnProperty.call(DIGEST_BYTES, hash)) {
    throw new ConfigurationError('invalid_option', 'hmac() needs "sha1", "sha256" or "sha512"');
  }
  if (typeof key?.decode !== 'function' || key.public) {
    throw new ConfigurationError('invalid_option', 'hmac() needs a secret form such as utf8Secret or hexSecret');
  }
  const label = `HMAC-${hash.toUpperCase()}`;
  const sha256 = hash === 'sha256';
  return Object.freeze({
    kind: 'hmac',
    hash,
    label,
    key,
    signatureLength: length,
    maxSignatures: 16,
    unsupported: (backend: CryptoBackend) =>
      sha256 || typeof backend.hmac === 'function' ? undefined : `the ${backend.name} crypto backend cannot compute ${label}`,
    importKey: (backend: CryptoBackend, raw: Uint8Array) => backend.importHmacKey(raw, hash),
    matches(backend: CryptoBackend, handle: unknown, content: readonly (string | Uint8Array)[], candidates: readonly Uint8Array[]) {
      const digest = sha256 ? backend.hmacSha256(handle, content) : backend.hmac!(hash, handle, content);
      if (!isPromise<Uint8Array>(digest)) return anyEqual(backend, digest, candidates);
      // The candidates live in buffers the verifier reuses: copy them before waiting.
      const own = candidates.map((candidate) => candidate.slice());
      return digest.then((bytes) => anyEqual(backend, bytes, own));
    },
  });
}
