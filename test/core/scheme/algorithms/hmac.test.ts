import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nodeCryptoBackend } from '../../../../src/crypto/node.js';
import { webCryptoBackend } from '../../../../src/crypto/web.js';
import type { CryptoBackend } from '../../../../src/crypto/backend.js';
import { hmac } from '../../../../src/core/scheme/algorithms/hmac.js';
import { hexSecret } from '../../../../src/core/scheme/keys/hex-secret.js';
import { utf8Secret } from '../../../../src/core/scheme/keys/utf8-secret.js';
import { whpkPublicKey } from '../../../../src/core/scheme/keys/whpk-public-key.js';
import type { BoundAlgorithm } from '../../../../src/core/scheme/types.js';

const KEY = new TextEncoder().encode('key');
const backends: CryptoBackend[] = [nodeCryptoBackend()!, webCryptoBackend()];

describe('hmac', () => {
  for (const hash of ['sha1', 'sha256', 'sha512'] as const) {
    for (const backend of backends) {
      it(`HMAC-${hash.toUpperCase()} on ${backend.name} matches node:crypto, comparing every candidate`, async () => {
        const algorithm = hmac(hash, utf8Secret);
        expect(algorithm).toMatchObject({ kind: 'hmac', hash, label: `HMAC-${hash.toUpperCase()}`, signatureLength: { sha1: 20, sha256: 32, sha512: 64 }[hash] });
        const bound = algorithm.bind(backend) as BoundAlgorithm;
        const key = await bound.importKey(KEY);
        const right = new Uint8Array(createHmac(hash, 'key').update('a.b').digest());
        const wrong = right.map((byte) => byte ^ 1);
        expect(await bound.matches(key, ['a', '.', 'b'], [wrong, right])).toBe(true);
        expect(await bound.matches(key, ['a.b'], [wrong])).toBe(false);
      });
    }
  }

  it('copies the candidates before an asynchronous backend answers', async () => {
    const bound = hmac('sha256', utf8Secret).bind(webCryptoBackend()) as BoundAlgorithm;
    const key = await bound.importKey(KEY);
    const candidate = new Uint8Array(createHmac('sha256', 'key').update('x').digest());
    const pending = bound.matches(key, ['x'], [candidate]);
    candidate.fill(0);
    expect(await pending).toBe(true);
  });

  it('refuses a backend of its own without hmac() for SHA-1 and SHA-512, but not for SHA-256', () => {
    const { hmac: _dropped, ...sha256Only } = nodeCryptoBackend()!;
    expect(hmac('sha1', utf8Secret).bind({ ...sha256Only, name: 'mine' })).toBe('the mine crypto backend cannot compute HMAC-SHA1');
    expect(typeof hmac('sha256', utf8Secret).bind({ ...sha256Only, name: 'mine' })).toBe('object');
  });

  it('refuses an unknown hash and a public key form', () => {
    expect(() => hmac('md5' as never, utf8Secret)).toThrow(/"sha1", "sha256" or "sha512"/);
    expect(() => hmac('constructor' as never, utf8Secret)).toThrow(/"sha1", "sha256" or "sha512"/);
    expect(() => hmac('sha256', whpkPublicKey)).toThrow(/secret form/);
    expect(hmac('sha256', hexSecret).key).toBe(hexSecret);
  });
});
