import type { CryptoBackend, PublicKeyAlgorithm } from '../../../crypto/backend.js';
import { isPromise } from '../../is-promise.js';

async function restAsync(
  first: Promise<boolean>,
  backend: CryptoBackend,
  algorithm: PublicKeyAlgorithm,
  key: unknown,
  content: readonly (string | Uint8Array)[],
  candidates: readonly Uint8Array[],
): Promise<boolean> {
  if (await first) return true;
  for (let i = 1; i < candidates.length; i++) if (await backend.verifySignature!(algorithm, key, content, candidates[i]!)) return true;
  return false;
}

/**
 * Whether any candidate verifies under the public key. A public-key check reveals nothing
 * secret, so it may stop at the first valid signature.
 */
export function anyValid(
  backend: CryptoBackend,
  algorithm: PublicKeyAlgorithm,
  key: unknown,
  content: readonly (string | Uint8Array)[],
  candidates: readonly Uint8Array[],
): boolean | Promise<boolean> {
  for (let i = 0; i < candidates.length; i++) {
    const valid = backend.verifySignature!(algorithm, key, content, candidates[i]!);
    if (isPromise<boolean>(valid)) {
      // The candidates may live in buffers the verifier reuses: copy them before waiting.
      return restAsync(valid, backend, algorithm, key, content, candidates.slice(i).map((candidate) => candidate.slice()));
    }
    if (valid) return true;
  }
  return false;
}

/** Why a backend cannot verify public-key signatures, or undefined. */
export function publicKeyUnsupported(backend: CryptoBackend, label: string): string | undefined {
  return typeof backend.importPublicKey === 'function' && typeof backend.verifySignature === 'function'
    ? undefined
    : `the ${backend.name} crypto backend cannot verify ${label} signatures (it has no importPublicKey and verifySignature)`;
}
