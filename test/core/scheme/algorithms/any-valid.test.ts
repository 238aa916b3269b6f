import { describe, expect, it } from 'vitest';
import type { CryptoBackend } from '../../../../src/crypto/backend.js';
import { nodeCryptoBackend } from '../../../../src/crypto/node.js';
import { bindPublicKey } from '../../../../src/core/scheme/algorithms/any-valid.js';
import type { BoundAlgorithm } from '../../../../src/core/scheme/types.js';

/** A backend of its own whose verifySignature accepts one signature byte, and counts calls. */
function fake(async: boolean) {
  const calls: number[] = [];
  const backend: CryptoBackend = {
    ...nodeCryptoBackend()!,
    name: 'fake',
    importPublicKey: () => 'key',
    verifySignature: (_algorithm, _key, _parts, signature) => {
      calls.push(signature[0]!);
      return async ? Promise.resolve(signature[0] === 7) : signature[0] === 7;
    },
  };
  return { backend, calls };
}

describe('bindPublicKey', () => {
  for (const async of [false, true]) {
    it(`stops at the first valid signature (${async ? 'asynchronous' : 'synchronous'} backend), on copies`, async () => {
      const { backend, calls } = fake(async);
      const bound = bindPublicKey(backend, 'ed25519', 'Ed25519') as BoundAlgorithm;
      const candidates = [Uint8Array.of(1), Uint8Array.of(7), Uint8Array.of(9)];
      const pending = bound.matches('key', ['m'], candidates);
      candidates[1]![0] = 0;
      expect(await pending).toBe(true);
      expect(calls).toEqual([1, 7]);
      expect(await bound.matches('key', ['m'], [Uint8Array.of(2)])).toBe(false);
    });
  }

  it('skips candidates the algorithm cannot use, and says when a backend cannot verify', async () => {
    const { backend, calls } = fake(false);
    const bound = bindPublicKey(backend, 'ecdsa-p256', 'ECDSA P-256', (c) => (c[0] === 1 ? undefined : c)) as BoundAlgorithm;
    expect(await bound.matches('key', ['m'], [Uint8Array.of(1), Uint8Array.of(7)])).toBe(true);
    expect(calls).toEqual([7]);
    expect(bindPublicKey({ ...nodeCryptoBackend()!, name: 'plain' }, 'ed25519', 'Ed25519')).toMatch(/the plain crypto backend cannot verify Ed25519/);
  });
});
