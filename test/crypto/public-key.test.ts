import { describe, expect, it } from 'vitest';
import type { CryptoBackend } from '../../src/crypto/backend.js';
import { nodeCryptoBackend } from '../../src/crypto/node.js';
import { publicKeyOperations } from '../../src/crypto/public-key.js';
import { webCryptoBackend } from '../../src/crypto/web.js';

describe('publicKeyOperations', () => {
  it('uses node:crypto for the node backend (synchronously) and Web Crypto for the web one', async () => {
    const node = publicKeyOperations(nodeCryptoBackend()!)!;
    const web = publicKeyOperations(webCryptoBackend())!;
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
    const signature = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, new TextEncoder().encode('ab')));
    const nodeKey = node.importPublicKey('ed25519', spki);
    expect(node.verifySignature('ed25519', nodeKey, ['a', 'b'], signature)).toBe(true);
    const webKey = await web.importPublicKey('ed25519', spki);
    await expect(web.verifySignature('ed25519', webKey, ['ab'], signature)).resolves.toBe(true);
    await expect(web.verifySignature('ed25519', webKey, ['a'], signature)).resolves.toBe(false);
  });

  it("uses a backend's own methods, and has none for an unknown backend without them", () => {
    const own: CryptoBackend = { ...nodeCryptoBackend()!, name: 'own', importPublicKey: () => 'k', verifySignature: () => true };
    expect(publicKeyOperations(own)).toBe(own);
    expect(publicKeyOperations({ ...nodeCryptoBackend()!, name: 'own' })).toBeUndefined();
  });
});
