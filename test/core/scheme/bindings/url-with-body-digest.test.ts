import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmac } from '../../../../src/core/scheme/algorithms/hmac.js';
import { urlWithBodyDigest } from '../../../../src/core/scheme/bindings/url-with-body-digest.js';
import { jsonBody } from '../../../../src/core/scheme/bodies/json-body.js';
import { composeSender } from '../../../../src/core/scheme/compose-sender.js';
import { hex } from '../../../../src/core/scheme/encodings/hex.js';
import { bodyDigest } from '../../../../src/core/scheme/ids/body-digest.js';
import { utf8Secret } from '../../../../src/core/scheme/keys/utf8-secret.js';
import { signatureHeader } from '../../../../src/core/scheme/signatures/signature-header.js';
import { body } from '../../../../src/core/scheme/sources/body.js';
import { createVerifier } from '../../../../src/core/verifier.js';
import { nodeCryptoBackend } from '../../../../src/crypto/node.js';
import { webCryptoBackend } from '../../../../src/crypto/web.js';
import { expectCode } from '../../../senders/conformance.js';

const digestOf = (text: string) => createHash('sha256').update(text).digest('hex');
const sender = composeSender({
  name: 'digest-in-url',
  signatures: signatureHeader({ header: 'x-signature', encoding: hex }),
  signed: ['POST ', urlWithBodyDigest('sha')],
  algorithm: hmac('sha256', utf8Secret),
  id: bodyDigest,
});
const BODY = '{"n":1}';
const URL_ = `https://example.com/hook?a=1&sha=${digestOf(BODY)}`;
const headersFor = (url: string) => ({ 'x-signature': createHmac('sha256', 'secret').update(`POST ${url}`).digest('hex') });

describe('urlWithBodyDigest', () => {
  it('binds every byte of the body once the signature holds, on both backends', async () => {
    expect(sender).toMatchObject({ authenticated: 'body', readsBodyFirst: false });
    for (const backend of [nodeCryptoBackend()!, webCryptoBackend()]) {
      const verifier = createVerifier(sender, { secret: 'secret', backend });
      await expect(verifier.verify({ body: BODY, headers: headersFor(URL_), url: URL_ })).resolves.toMatchObject({ id: digestOf(BODY), payload: { n: 1 } });
      const changed = await expectCode(verifier, { body: '{"n":2}', headers: headersFor(URL_), url: URL_ }, 'invalid_signature');
      expect(changed.message).toMatch(/SHA-256/);
    }
  });

  it('checks the signature before hashing the body: a forged URL costs no digest', async () => {
    let hashed = 0;
    const inner = nodeCryptoBackend()!;
    const backend = { ...inner, sha256: (data: string | Uint8Array) => (hashed++, inner.sha256(data)) };
    const verifier = createVerifier(sender, { secret: 'secret', backend });
    await expectCode(verifier, { body: BODY, headers: headersFor(`${URL_}x`), url: URL_ }, 'invalid_signature');
    expect(hashed).toBe(0);
  });

  it('refuses a URL without exactly one digest parameter, and needs a URL', async () => {
    const verifier = createVerifier(sender, { secret: 'secret' });
    for (const url of ['https://example.com/hook', `https://example.com/hook?sha=${digestOf(BODY)}&sha=${digestOf(BODY)}`, 'https://example.com/hook?sha=zz', '/relative?sha=1']) {
      await expectCode(verifier, { body: BODY, headers: headersFor(url), url }, 'invalid_signature');
    }
    await expect(verifier.verify({ body: BODY, headers: headersFor(URL_) })).rejects.toMatchObject({ name: 'ConfigurationError' });
  });

  it('signs the URL with the digest added, as the sender posts it', async () => {
    const piece = urlWithBodyDigest('sha');
    const backend = nodeCryptoBackend()!;
    await expect(piece.signedValue({ body: BODY, url: 'https://example.com/hook?a=1', bodyKind: jsonBody, backend })).resolves.toEqual({ value: URL_, url: URL_ });
    await expect(piece.signedValue({ body: BODY, url: 'https://example.com/hook', bodyKind: jsonBody, backend })).resolves.toMatchObject({ url: `https://example.com/hook?sha=${digestOf(BODY)}` });
    await expect(piece.signedValue({ body: BODY, url: undefined, bodyKind: jsonBody, backend })).rejects.toMatchObject({ code: 'invalid_option' });
  });

  it('needs a query parameter name, and stands for the body', () => {
    for (const name of ['', 'a b', 'a&b', 'a=b', 42]) {
      expect(() => urlWithBodyDigest(name as never)).toThrow(expect.objectContaining({ code: 'invalid_option' }));
    }
    expect(() => composeSender({ ...sender, signatures: sender.signature, signed: [urlWithBodyDigest('sha'), body] })).toThrow(expect.objectContaining({ code: 'invalid_option' }));
  });
});
