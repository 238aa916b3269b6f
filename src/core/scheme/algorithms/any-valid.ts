import type { CryptoBackend, PublicKeyAlgorithm } from '../../../crypto/backend.js';
import { publicKeyOperations } from '../../../crypto/public-key.js';
import { isPromise } from '../../is-promise.js';
import type { BoundAlgorithm } from '../types.js';

/**
 * A public-key algorithm on a backend: every candidate is checked until one verifies (a
 * public-key check reveals nothing secret, so it may stop at the first valid signature).
 * `normalize` turns a candidate into what the backend verifies, or undefined to skip it.
 */
export function bindPublicKey(
  backend: CryptoBackend,
  algorithm: PublicKeyAlgorithm,
  label: string,
  normalize: (candidate: Uint8Array) => Uint8Array | undefined = (candidate) => candidate,
): BoundAlgorithm | string {
  const ops = publicKeyOperations(backend);
  if (ops === undefined) return `the ${backend.name} crypto backend cannot verify ${label} signatures (it has no importPublicKey and verifySignature)`;
  async function rest(first: Promise<boolean>, key: unknown, content: readonly (string | Uint8Array)[], candidates: readonly Uint8Array[]): Promise<boolean> {
    if (await first) return true;
    for (let i = 1; i < candidates.length; i++) if (await ops!.verifySignature(algorithm, key, content, candidates[i]!)) return true;
    return false;
  }
  return {
    importKey: (spki) => ops.importPublicKey(algorithm, spki),
    matches(key, content, candidates) {
      const usable: Uint8Array[] = [];
      for (const candidate of candidates) {
        const normalized = normalize(candidate);
        // Copies: the candidates may live in buffers the verifier reuses, and a check may wait.
        if (normalized !== undefined) usable.push(normalized === candidate ? candidate.slice() : normalized);
      }
      for (let i = 0; i < usable.length; i++) {
        const valid = ops.verifySignature(algorithm, key, content, usable[i]!);
        if (isPromise<boolean>(valid)) return rest(valid, key, content, usable.slice(i));
        if (valid) return true;
      }
      return false;
    },
  };
}
