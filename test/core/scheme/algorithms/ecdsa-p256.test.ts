import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nodeCryptoBackend } from '../../../../src/crypto/node.js';
import { webCryptoBackend } from '../../../../src/crypto/web.js';
import { derToP1363, ecdsaP256 } from '../../../../src/core/scheme/algorithms/ecdsa-p256.js';
import { hmac } from '../../../../src/core/scheme/algorithms/hmac.js';
import { composeSender } from '../../../../src/core/scheme/compose-sender.js';
import { base64 } from '../../../../src/core/scheme/encodings/base64.js';
import { spkiPublicKey } from '../../../../src/core/scheme/keys/spki-public-key.js';
import { utf8Secret } from '../../../../src/core/scheme/keys/utf8-secret.js';
import { signatureHeader } from '../../../../src/core/scheme/signatures/signature-header.js';
import { body } from '../../../../src/core/scheme/sources/body.js';
import { header } from '../../../../src/core/scheme/sources/header.js';
import { unixSeconds } from '../../../../src/core/scheme/timestamps/unix-seconds.js';
import type { BoundAlgorithm } from '../../../../src/core/scheme/types.js';
import { createVerifier } from '../../../../src/core/verifier.js';
import { generateSigningKeys, signDelivery } from '../../../../src/testing/index.js';
import { sendgridOracle } from '../../../oracles/sendgrid.js';

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const spki = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }));
const timestamp = header('x-twilio-email-event-webhook-timestamp');
// SendGrid's event webhook: ECDSA P-256 in DER over `<timestamp><body>`, base64 SPKI keys.
const sendgrid = composeSender({
  name: 'sendgrid',
  signatures: signatureHeader({ header: 'x-twilio-email-event-webhook-signature', encoding: base64 }),
  signed: [timestamp, body],
  algorithm: ecdsaP256(spkiPublicKey, { signature: 'der' }),
  timestamp: unixSeconds(timestamp),
});

describe('ecdsaP256', () => {
  for (const backend of [nodeCryptoBackend()!, webCryptoBackend()]) {
    it(`verifies DER and raw signatures on ${backend.name}`, async () => {
      const message = Buffer.from('1700000000[{}]');
      const der = new Uint8Array(sign('sha256', message, { key: privateKey, dsaEncoding: 'der' }));
      const p1363 = new Uint8Array(sign('sha256', message, { key: privateKey, dsaEncoding: 'ieee-p1363' }));
      const fromDer = ecdsaP256(spkiPublicKey, { signature: 'der' }).bind(backend) as BoundAlgorithm;
      const fromRaw = ecdsaP256(spkiPublicKey, { signature: 'raw' }).bind(backend) as BoundAlgorithm;
      expect(await fromDer.matches(await fromDer.importKey(spki), ['1700000000', '[{}]'], [der])).toBe(true);
      expect(await fromRaw.matches(await fromRaw.importKey(spki), ['1700000000[{}]'], [p1363])).toBe(true);
      expect(await fromDer.matches(await fromDer.importKey(spki), ['1700000000[{ }]'], [der])).toBe(false);
    });
  }

  it('reads strict DER only', () => {
    const der = new Uint8Array(sign('sha256', Buffer.from('x'), { key: privateKey, dsaEncoding: 'der' }));
    expect(derToP1363(der)).toHaveLength(64);
    const bad = [Uint8Array.of(0x30, 6, 2, 1, 0, 2, 1, 1), Uint8Array.of(0x31, ...der.subarray(1)), Uint8Array.of(...der, 0), Uint8Array.of(0x30, 6, 2, 1, 0x80, 2, 1, 1), Uint8Array.of(0x30, 7, 2, 2, 0, 1, 2, 1, 1)];
    for (const input of bad) expect(derToP1363(input), Buffer.from(input).toString('hex')).toBeUndefined();
    expect(derToP1363(Uint8Array.of(0x30, 6, 2, 1, 1, 2, 1, 2))).toEqual(Uint8Array.from({ length: 64 }, (_, i) => (i === 31 ? 1 : i === 63 ? 2 : 0)));
  });

  it('verifies what the SendGrid reference signs, and SendGrid accepts what the test signer signs', async () => {
    const { signingKey, verifyingKey } = sendgridOracle.keys();
    const at = Math.floor(Date.now() / 1000);
    const request = sendgridOracle.reference.sign({ ...sendgridOracle.example, key: signingKey, timestamp: at });
    await expect(createVerifier(sendgrid, { secret: verifyingKey }).verify({ body: request.body, headers: request.headers })).resolves.toMatchObject({
      replayable: false,
    });
    const keys = await generateSigningKeys(sendgrid);
    const signed = await signDelivery(sendgrid, { secret: keys.privateKey, body: '[{"event":"processed"}]\r\n' });
    const asRequest = { method: 'POST', url: sendgridOracle.example.url, headers: signed.headers, body: new TextEncoder().encode(signed.body as string) };
    await expect(sendgridOracle.verify!(asRequest, keys.publicKey)).resolves.toBe(true);
    await expect(createVerifier(sendgrid, { secret: keys.publicKey }).verify(signed)).resolves.toBeDefined();
  });

  it('refuses a secret form, and needs to know how signatures are written', () => {
    expect(() => ecdsaP256(utf8Secret, { signature: 'der' })).toThrow(/public key form/);
    expect(() => ecdsaP256(spkiPublicKey, {} as never)).toThrow(/"der".*"raw"/);
    expect(ecdsaP256(spkiPublicKey, { signature: 'der' })).toMatchObject({ signatureLength: undefined, maxSignatures: 4 });
    expect(hmac('sha256', utf8Secret).maxSignatures).toBe(16);
  });
});
