import { describe, expect, it } from 'vitest';
import { peridio } from '../../src/senders/peridio/index.js';
import { standardWebhooksV1a } from '../../src/senders/standard-webhooks/index.js';
import { composeSender } from '../../src/core/scheme/compose-sender.js';
import { ecdsaP256 } from '../../src/core/scheme/algorithms/ecdsa-p256.js';
import { ed25519 } from '../../src/core/scheme/algorithms/ed25519.js';
import { base64 } from '../../src/core/scheme/encodings/base64.js';
import { hexPublicKey } from '../../src/core/scheme/keys/hex-public-key.js';
import { spkiPublicKey } from '../../src/core/scheme/keys/spki-public-key.js';
import { signatureHeader } from '../../src/core/scheme/signatures/signature-header.js';
import { body } from '../../src/core/scheme/sources/body.js';
import { createVerifier } from '../../src/core/verifier.js';
import { generateSigningKeys, signDelivery } from '../../src/testing/index.js';
import { importPrivateKey } from '../../src/testing/signing-keys.js';

const shaped = (algorithm: Parameters<typeof composeSender>[0]['algorithm']) =>
  composeSender({ name: 'pk', signatures: signatureHeader({ header: 'x-sig', encoding: base64 }), signed: [body], algorithm });

describe('generateSigningKeys and the private keys signDelivery takes', () => {
  it('gives keys in each sender key form that sign and verify', async () => {
    for (const sender of [standardWebhooksV1a, shaped(ed25519(hexPublicKey)), shaped(ecdsaP256(spkiPublicKey, { signature: 'raw' })), shaped(ecdsaP256(spkiPublicKey, { signature: 'der' }))]) {
      const { privateKey, publicKey } = await generateSigningKeys(sender);
      const signed = await signDelivery(sender, { secret: privateKey, body: '{}' });
      await expect(createVerifier(sender, { secret: publicKey }).verify(signed), sender.algorithm.label).resolves.toBeDefined();
    }
    const hexKeys = await generateSigningKeys(shaped(ed25519(hexPublicKey)));
    expect(hexKeys.publicKey).toMatch(/^[0-9a-f]{64}$/);
    expect(hexKeys.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
  });

  it('takes PEM, DER bytes, whsk_ keys and CryptoKeys, and refuses anything else by code', async () => {
    const { privateKey } = await generateSigningKeys(shaped(ed25519(hexPublicKey)));
    const key = await importPrivateKey(standardWebhooksV1a.algorithm, privateKey);
    expect(await importPrivateKey(standardWebhooksV1a.algorithm, key)).toBe(key);
    await expect(importPrivateKey(standardWebhooksV1a.algorithm, Uint8Array.of(1, 2, 3))).rejects.toMatchObject({ code: 'invalid_secret' });
    await expect(importPrivateKey(standardWebhooksV1a.algorithm, 'whsk_AAAA')).rejects.toMatchObject({ code: 'invalid_secret' });
    await expect(generateSigningKeys(peridio)).rejects.toMatchObject({ code: 'invalid_option', message: expect.stringMatching(/shared secret, not a key pair/) });
  });
});
