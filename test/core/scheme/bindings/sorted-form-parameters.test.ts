import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmac } from '../../../../src/core/scheme/algorithms/hmac.js';
import { formParameterText, MAX_FORM_PARAMETERS, sortedFormParameters } from '../../../../src/core/scheme/bindings/sorted-form-parameters.js';
import { formBody } from '../../../../src/core/scheme/bodies/form-body.js';
import { jsonBody } from '../../../../src/core/scheme/bodies/json-body.js';
import { composeSender } from '../../../../src/core/scheme/compose-sender.js';
import { base64 } from '../../../../src/core/scheme/encodings/base64.js';
import { bodyDigest } from '../../../../src/core/scheme/ids/body-digest.js';
import { utf8Secret } from '../../../../src/core/scheme/keys/utf8-secret.js';
import { signatureHeader } from '../../../../src/core/scheme/signatures/signature-header.js';
import { body } from '../../../../src/core/scheme/sources/body.js';
import { bodyField } from '../../../../src/core/scheme/sources/body-field.js';
import { requestUrl } from '../../../../src/core/scheme/sources/request-url.js';
import { signedField } from '../../../../src/core/scheme/sources/signed-field.js';
import { createVerifier } from '../../../../src/core/verifier.js';
import { nodeCryptoBackend } from '../../../../src/crypto/node.js';
import { signDelivery } from '../../../../src/testing/index.js';
import { expectCode } from '../../../senders/conformance.js';

const URL_ = 'https://example.com/hook';
const parts = {
  name: 'form-signer',
  signatures: signatureHeader({ header: 'x-signature', encoding: base64 }),
  signed: [requestUrl, sortedFormParameters],
  algorithm: hmac('sha256', utf8Secret),
  body: formBody,
  id: bodyDigest,
} as const;
const sender = composeSender(parts);
const sign = (text: string) => ({ 'x-signature': createHmac('sha256', 'secret').update(URL_ + text).digest('base64') });

describe('formParameterText', () => {
  it('joins each name and value, sorted by name in case-sensitive order, with no separators', () => {
    expect(formParameterText({ b: '2', a: '1', B: '3', aa: '' })).toBe('B3a1aab2');
    expect(formParameterText({})).toBe('');
  });

  it('writes a repeated name once per distinct value, the values sorted', () => {
    expect(formParameterText({ Digits: ['5678', '1234', '5678'], Sid: 'CA1' })).toBe('Digits1234Digits5678SidCA1');
  });
});

describe('sortedFormParameters', () => {
  it('makes the parsed fields the payload, authenticated as fields, parsed before the signature', async () => {
    expect(sender).toMatchObject({ authenticated: 'body-fields', readsBodyFirst: true, replayProtection: 'none' });
    const verifier = createVerifier(sender, { secret: 'secret' });
    const delivery = await verifier.verify({ body: 'b=2&a=1', headers: sign('a1b2'), url: URL_ });
    expect({ ...(delivery.payload as object) }).toEqual({ a: '1', b: '2' });
  });

  it('is what hookverify/testing signs', async () => {
    const signed = await signDelivery(sender, { secret: 'secret', body: 'b=2&a=1', url: URL_ });
    expect(signed.headers['x-signature']).toBe(sign('a1b2')['x-signature']);
    expect(signed.url).toBe(URL_);
    await expect(signDelivery(sender, { secret: 'secret', body: Uint8Array.of(0xff), url: URL_ })).rejects.toMatchObject({ code: 'invalid_option' });
  });

  it(`reads ${MAX_FORM_PARAMETERS} parameters and refuses one more before parsing, in strings and bytes`, async () => {
    const verifier = createVerifier(sender, { secret: 'secret', backend: nodeCryptoBackend()! });
    const most = Array.from({ length: MAX_FORM_PARAMETERS }, (_, i) => `p${i}=`).join('&');
    const text = formParameterText(Object.fromEntries(Array.from({ length: MAX_FORM_PARAMETERS }, (_, i) => [`p${i}`, ''])));
    await expect(verifier.verify({ body: most, headers: sign(text), url: URL_ })).resolves.toBeDefined();
    for (const over of [`${most}&x=`, Buffer.from(`${most}&`)]) {
      const outcome = await expectCode(verifier, { body: over, headers: sign(text), url: URL_ }, 'invalid_body');
      expect(outcome.message).toContain(`more than ${MAX_FORM_PARAMETERS}`);
    }
  });

  it('refuses a body that is not form data before the signature', async () => {
    await expectCode(createVerifier(sender, { secret: 'secret' }), { body: Uint8Array.of(0x61, 0xff), headers: sign(''), url: URL_ }, 'invalid_body');
  });

  it('needs a form body, and stands for the body: never beside it or its signed fields', () => {
    expect(() => createVerifier(composeSender({ ...parts, body: jsonBody }), { secret: 'secret' })).toThrow(expect.objectContaining({ code: 'invalid_option', message: expect.stringMatching(/formBody/) }));
    for (const signed of [[requestUrl, sortedFormParameters, body], [sortedFormParameters, sortedFormParameters], [signedField('a'), sortedFormParameters]]) {
      expect(() => composeSender({ ...parts, signed })).toThrow(expect.objectContaining({ code: 'invalid_option' }));
    }
  });

  it('signs every field, so a body field may be the event type without an opt-in', () => {
    expect(composeSender({ ...parts, eventType: bodyField('EventType') }).eventType).toMatchObject({ path: 'EventType' });
  });
});
