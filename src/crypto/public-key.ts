import type { CryptoBackend, PublicKeyAlgorithm } from './backend.js';
import { concat } from './concat.js';
import { loadNodeCrypto } from './node.js';
import { subtle } from './web.js';

/** The two public-key operations a backend may lack. */
export type PublicKeyOperations = Required<Pick<CryptoBackend, 'importPublicKey' | 'verifySignature'>>;

/** Web Crypto's name for an algorithm, with what importKey and verify each need. */
const webAlgorithm = (algorithm: PublicKeyAlgorithm) =>
  algorithm === 'ed25519' ? { name: 'Ed25519' } : { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };

/**
 * How to verify public-key signatures with a backend. They live here rather than in the
 * backends, so that an HMAC-only entry does not carry them: a backend of the user's own that
 * has both methods uses its own; the built-in node and web backends get node:crypto
 * (synchronous) and Web Crypto. Undefined for a custom backend without them.
 */
export function publicKeyOperations(backend: CryptoBackend): PublicKeyOperations | undefined {
  if (typeof backend.importPublicKey === 'function' && typeof backend.verifySignature === 'function') return backend as PublicKeyOperations;
  const crypto = backend.name === 'node' ? loadNodeCrypto() : undefined;
  if (crypto) {
    return {
      importPublicKey(algorithm, spki) {
        const key = crypto.createPublicKey({ key: spki, format: 'der', type: 'spki' });
        // The P1363 option travels with the key's DER, not with the KeyObject: workerd's
        // node:crypto refuses a KeyObject inside an options object (Node accepts both).
        return algorithm === 'ed25519' ? key : { key: spki, format: 'der', type: 'spki', dsaEncoding: 'ieee-p1363' };
      },
      verifySignature: (algorithm, key, parts, signature) => crypto.verify(algorithm === 'ed25519' ? null : 'sha256', concat(parts), key, signature),
    };
  }
  if (backend.name !== 'web') return undefined;
  return {
    importPublicKey: (algorithm, spki) => subtle().importKey('spki', spki as BufferSource, webAlgorithm(algorithm), false, ['verify']),
    verifySignature: (algorithm, key, parts, signature) =>
      subtle().verify(webAlgorithm(algorithm), key as CryptoKey, signature as BufferSource, concat(parts) as BufferSource),
  };
}
