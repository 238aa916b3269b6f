import { describe, expect, it } from 'vitest';
import { hmac } from '../../../../src/core/scheme/algorithms/hmac.js';
import { composeSender } from '../../../../src/core/scheme/compose-sender.js';
import { hex } from '../../../../src/core/scheme/encodings/hex.js';
import { utf8Secret } from '../../../../src/core/scheme/keys/utf8-secret.js';
import { signatureField } from '../../../../src/core/scheme/signatures/signature-field.js';
import { body } from '../../../../src/core/scheme/sources/body.js';
import { signedField } from '../../../../src/core/scheme/sources/signed-field.js';
import { createVerifier } from '../../../../src/core/verifier.js';

describe('signatureField', () => {
  const source = signatureField('signature.signature', { encoding: hex });
  const sender = composeSender({ name: 'mg', signatures: source, signed: [signedField('signature.token')], algorithm: hmac('sha256', utf8Secret) });

  it('is a source in the body, which makes the verifier read the body first', () => {
    expect(source).toMatchObject({ kind: 'body-field', path: 'signature.signature', key: 'body-field:signature.signature', readsBody: true });
    expect(sender.readsBodyFirst).toBe(true);
  });

  it('refuses a value that is not a signature, a signature that is signed, and a body signed whole beside it', async () => {
    await expect(createVerifier(sender, { secret: 'k' }).safeVerify({ body: '{"signature":{"token":"t","signature":"zz"}}', headers: {} })).resolves.toMatchObject({
      code: 'malformed_header',
      message: expect.stringMatching(/"signature.signature" field is not a signature/),
    });
    expect(() => composeSender({ name: 'x', signatures: source, signed: [signedField('signature.signature')], algorithm: hmac('sha256', utf8Secret) })).toThrow(/cannot be signed itself/);
    expect(() => composeSender({ name: 'x', signatures: source, signed: [body], algorithm: hmac('sha256', utf8Secret) })).toThrow(/signatures are in the body/);
    expect(() => signatureField('a.b', { encoding: 'hex' as never })).toThrow(/encoding: hex/);
  });
});
