import type { CryptoBackend, HmacHash } from '../../../crypto/backend.js';
import { isPromise } from '../../is-promise.js';
import { check } from '../check.js';
import type { Algorithm, BoundAlgorithm, KeyForm } from '../types.js';

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
export function hmac(hash: HmacHash, key: KeyForm): Algorithm & { readonly hash: HmacHash } {
  check(Object.prototype.hasOwnProperty.call(DIGEST_BYTES, hash), 'hmac() needs "sha1", "sha256" or "sha512"');
  check(typeof key?.decode === 'function' && !key.public, 'hmac() needs a secret form such as utf8Secret or hexSecret');
  return trustedHmac(hash, key);
}

/**
 * {@link hmac} without its option checks, for built-in senders only (not exported from any
 * entry): their hash and key form are fixed, as test/core/scheme/trusted-parts.test.ts checks.
 */
export function trustedHmac(hash: HmacHash, key: KeyForm): Algorithm & { readonly hash: HmacHash } {
  const length = DIGEST_BYTES[hash];
  const label = `HMAC-${hash.toUpperCase()}`;
  return Object.freeze({
    kind: 'hmac',
    hash,
    label,
    key,
    signatureLength: length,
    maxSignatures: 16,
    bind(backend: CryptoBackend): BoundAlgorithm | string {
      // SHA-256 goes through hmacSha256, which every backend has.
      const digestOf =
        hash === 'sha256'
          ? backend.hmacSha256
          : backend.hmac
            ? (key: unknown, content: readonly (string | Uint8Array)[]) => backend.hmac!(hash, key, content)
            : undefined;
      if (digestOf === undefined) return `the ${backend.name} crypto backend cannot compute ${label}`;
      return {
        importKey: (raw) => backend.importHmacKey(raw, hash),
        matches(handle, content, candidates) {
          const digest = digestOf.call(backend, handle, content);
          if (!isPromise<Uint8Array>(digest)) return anyEqual(backend, digest, candidates);
          // The candidates live in buffers the verifier reuses: copy them before waiting.
          const own = candidates.map((candidate) => candidate.slice());
          return digest.then((bytes) => anyEqual(backend, bytes, own));
        },
      };
    },
  });
}
