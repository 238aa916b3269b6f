import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmac } from '../../../../src/core/scheme/algorithms/hmac.js';
import { composeSender } from '../../../../src/core/scheme/compose-sender.js';
import { hex } from '../../../../src/core/scheme/encodings/hex.js';
import { utf8Secret } from '../../../../src/core/scheme/keys/utf8-secret.js';
import { signatureHeader } from '../../../../src/core/scheme/signatures/signature-header.js';
import { body } from '../../../../src/core/scheme/sources/body.js';
import { requestMethod } from '../../../../src/core/scheme/sources/request-method.js';
import { createVerifier } from '../../../../src/core/verifier.js';

const vendor = composeSender({
  name: 'vendor',
  signatures: signatureHeader({ header: 'x-signature', encoding: hex }),
  signed: [requestMethod, ' ', body],
  algorithm: hmac('sha256', utf8Secret),
});
const sign = (text: string) => createHmac('sha256', 's').update(text).digest('hex');

describe('requestMethod', () => {
  it('signs the method upper-case, POST when none is given', async () => {
    const verifier = createVerifier(vendor, { secret: 's' });
    await expect(verifier.verify({ body: '{}', headers: { 'x-signature': sign('POST {}') } })).resolves.toBeDefined();
    await expect(verifier.verify({ body: '{}', headers: { 'x-signature': sign('PUT {}') }, method: 'put' })).resolves.toBeDefined();
    await expect(verifier.safeVerify({ body: '{}', headers: { 'x-signature': sign('POST {}') }, method: 'PUT' })).resolves.toMatchObject({ code: 'invalid_signature' });
  });
});
