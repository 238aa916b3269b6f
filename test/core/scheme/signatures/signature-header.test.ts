import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmac } from '../../../../src/core/scheme/algorithms/hmac.js';
import { composeSender } from '../../../../src/core/scheme/compose-sender.js';
import { base64 } from '../../../../src/core/scheme/encodings/base64.js';
import { hex } from '../../../../src/core/scheme/encodings/hex.js';
import { utf8Secret } from '../../../../src/core/scheme/keys/utf8-secret.js';
import { MAX_ENTRIES } from '../../../../src/core/scheme/signatures/entry-limit.js';
import { signatureHeader, type SignatureHeaderOptions } from '../../../../src/core/scheme/signatures/signature-header.js';
import { body } from '../../../../src/core/scheme/sources/body.js';
import { createVerifier } from '../../../../src/core/verifier.js';

const mac = (body: string) => createHmac('sha256', 's').update(body).digest();
const senderWith = (options: SignatureHeaderOptions) =>
  composeSender({ name: 'acme', signatures: signatureHeader(options), signed: [body], algorithm: hmac('sha256', utf8Secret) });

describe('signatureHeader', () => {
  it('describes itself as data, with lower-case names and lower-case hex by default', () => {
    const source = signatureHeader({ header: 'X-Sig', encoding: hex, prefix: 'v1=', separator: ',' });
    expect(source).toMatchObject({ kind: 'header', header: 'x-sig', key: 'header:x-sig', prefix: 'v1=', separator: ',', skipOtherVersions: false, hexCase: 'lower', readsBody: false });
    expect(Object.isFrozen(source)).toBe(true);
  });

  it('reads prefixed entries, skips other versions when asked, and undecodable entries always', async () => {
    const verifier = createVerifier(senderWith({ header: 'x-sig', encoding: base64, prefix: 'v1,', separator: ' ', skipOtherVersions: true }), { secret: 's' });
    const good = `v1,${mac('{}').toString('base64')}`;
    for (const value of [good, `v2,abc ${good}`, `v1,potato ${good}`, `  ${good}  `, `v1a,${'A'.repeat(88)} ${good}`]) {
      await expect(verifier.verify({ body: '{}', headers: { 'x-sig': value } })).resolves.toBeDefined();
    }
    await expect(verifier.safeVerify({ body: '{}', headers: { 'x-sig': 'v2,abc' } })).resolves.toMatchObject({
      code: 'malformed_header',
      message: expect.stringMatching(/has no signature in acme's format \(entries start with "v1,"\)/),
    });
    const strict = createVerifier(senderWith({ header: 'x-sig', encoding: hex, prefix: 'sha256=' }), { secret: 's' });
    await expect(strict.safeVerify({ body: '{}', headers: { 'x-sig': mac('{}').toString('hex') } })).resolves.toMatchObject({ code: 'malformed_header' });
  });

  it(`bounds the entries it reads: ${MAX_ENTRIES}, and no more than the algorithm checks`, async () => {
    const verifier = createVerifier(senderWith({ header: 'x-sig', encoding: hex, separator: ',' }), { secret: 's' });
    const list = (n: number) => [...Array.from({ length: n - 1 }, () => '00'.repeat(32)), mac('{}').toString('hex')].join(',');
    await expect(verifier.verify({ body: '{}', headers: { 'x-sig': list(MAX_ENTRIES) } })).resolves.toBeDefined();
    await expect(verifier.safeVerify({ body: '{}', headers: { 'x-sig': list(MAX_ENTRIES + 1) } })).resolves.toMatchObject({
      code: 'malformed_header',
      message: expect.stringMatching(/more than 16 signatures/),
    });
  });

  it('takes a header without a separator as one signature, list-looking or not', async () => {
    const verifier = createVerifier(senderWith({ header: 'x-sig', encoding: hex }), { secret: 's' });
    const sig = mac('{}').toString('hex');
    await expect(verifier.safeVerify({ body: '{}', headers: { 'x-sig': `${sig},${sig}` } })).resolves.toMatchObject({ code: 'malformed_header' });
  });

  it.each<[string, unknown]>([
    ['no options', null],
    ['no encoding', { header: 'x' }],
    ['a string encoding', { header: 'x', encoding: 'hex' }],
    ['a prefix that is not text', { header: 'x', encoding: hex, prefix: 1 }],
    ['an empty separator', { header: 'x', encoding: hex, separator: '' }],
    ['a prefix that holds the separator', { header: 'x', encoding: hex, prefix: 'v1,', separator: ',' }],
    ['a bad header name', { header: 'x y', encoding: hex }],
  ])('refuses %s', (_what, options) => {
    expect(() => signatureHeader(options as SignatureHeaderOptions)).toThrow(expect.objectContaining({ code: 'invalid_option' }));
  });
});
