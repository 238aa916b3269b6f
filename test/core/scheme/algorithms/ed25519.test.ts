import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nodeCryptoBackend } from '../../../../src/crypto/node.js';
import { webCryptoBackend } from '../../../../src/crypto/web.js';
import { ed25519, ed25519Spki } from '../../../../src/core/scheme/algorithms/ed25519.js';
import { hexPublicKey } from '../../../../src/core/scheme/keys/hex-public-key.js';
import { utf8Secret } from '../../../../src/core/scheme/keys/utf8-secret.js';
import { whpkPublicKey } from '../../../../src/core/scheme/keys/whpk-public-key.js';
import type { BoundAlgorithm } from '../../../../src/core/scheme/types.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const raw = new Uint8Array(Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url'));

describe('ed25519', () => {
  it('wraps a raw key in the SubjectPublicKeyInfo node:crypto exports', () => {
    expect(ed25519Spki(raw)).toEqual(new Uint8Array(publicKey.export({ format: 'der', type: 'spki' })));
  });

  for (const backend of [nodeCryptoBackend()!, webCryptoBackend()]) {
    it(`verifies on ${backend.name}: a valid signature among candidates, not a changed message or signature`, async () => {
      const bound = ed25519(whpkPublicKey).bind(backend) as BoundAlgorithm;
      const key = await bound.importKey(raw);
      const signature = new Uint8Array(sign(null, Buffer.from('id.1700000000.{}'), privateKey));
      const other = signature.map((byte, i) => (i === 0 ? byte ^ 1 : byte));
      expect(await bound.matches(key, ['id.', '1700000000.', '{}'], [other, signature])).toBe(true);
      expect(await bound.matches(key, ['id.1700000000.{ }'], [signature])).toBe(false);
      expect(await bound.matches(key, ['id.1700000000.{}'], [other])).toBe(false);
    });
  }

  it('is a public-key algorithm of bounded work', () => {
    expect(ed25519(hexPublicKey)).toMatchObject({ kind: 'ed25519', signatureLength: 64, maxSignatures: 4, key: hexPublicKey });
    expect(() => ed25519(utf8Secret)).toThrow(/public key form/);
  });
});
