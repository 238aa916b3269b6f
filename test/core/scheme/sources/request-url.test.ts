// The request URL as signed content, shown with Square's shape against its SDK (the oracle).
import { describe, expect, it } from 'vitest';
import { hmac } from '../../../../src/core/scheme/algorithms/hmac.js';
import { composeSender } from '../../../../src/core/scheme/compose-sender.js';
import { base64 } from '../../../../src/core/scheme/encodings/base64.js';
import { bodyDigest } from '../../../../src/core/scheme/ids/body-digest.js';
import { utf8Secret } from '../../../../src/core/scheme/keys/utf8-secret.js';
import { signatureHeader } from '../../../../src/core/scheme/signatures/signature-header.js';
import { body } from '../../../../src/core/scheme/sources/body.js';
import { requestUrl } from '../../../../src/core/scheme/sources/request-url.js';
import { createVerifier } from '../../../../src/core/verifier.js';
import { signDelivery } from '../../../../src/testing/index.js';
import { squareOracle } from '../../../oracles/square.js';

const square = composeSender({
  name: 'square',
  signatures: signatureHeader({ header: 'x-square-hmacsha256-signature', encoding: base64 }),
  signed: [requestUrl, body],
  algorithm: hmac('sha256', utf8Secret),
  id: bodyDigest,
});

describe('requestUrl', () => {
  it("verifies Square's documented example and what its SDK accepts from the test signer", async () => {
    const vector = squareOracle.vectors[0]!;
    const verifier = createVerifier(square, { secret: vector.verifyingKey });
    await expect(
      verifier.verify({ body: vector.input.body, headers: { [vector.header]: vector.value }, url: vector.input.url }),
    ).resolves.toMatchObject({ replayable: true });
    const signed = await signDelivery(square, { secret: 'sq-key', body: '{"type":"payment.updated"}', url: 'https://receiver.example/hook' });
    const request = { method: 'POST', url: signed.url!, headers: signed.headers, body: new TextEncoder().encode(signed.body as string) };
    await expect(squareOracle.verify!(request, 'sq-key')).resolves.toBe(true);
  });

  it('uses the pinned public URL over the one a proxy rewrote, and refuses another URL', async () => {
    const signed = await signDelivery(square, { secret: 'k', body: '{}', url: 'https://public.example/hook' });
    const pinned = createVerifier(square, { secret: 'k', url: 'https://public.example/hook' });
    await expect(pinned.verify({ ...signed, url: 'http://10.0.0.5:8080/hook' })).resolves.toBeDefined();
    await expect(createVerifier(square, { secret: 'k' }).safeVerify({ ...signed, url: 'http://10.0.0.5:8080/hook' })).resolves.toMatchObject({ code: 'invalid_signature' });
    expect(() => createVerifier(square, { secret: 'k', url: '' })).toThrow(/url must be the full URL/);
  });

  it('is a set-up mistake, not a bad delivery, when no URL is given', async () => {
    const signed = await signDelivery(square, { secret: 'k', body: '{}', url: 'https://public.example/hook' });
    await expect(createVerifier(square, { secret: 'k' }).verify({ body: signed.body, headers: signed.headers })).rejects.toMatchObject({
      name: 'ConfigurationError',
      message: expect.stringMatching(/signs the request URL/),
    });
    await expect(signDelivery(square, { secret: 'k', body: '{}' })).rejects.toMatchObject({ message: expect.stringMatching(/request URL: pass it in url/) });
  });
});
