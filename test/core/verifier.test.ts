import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, WebhookVerificationError } from '../../src/core/errors.js';
import { defineSender } from '../../src/core/sender.js';
import { createVerifier, type VerifierOptions } from '../../src/core/verifier.js';
import type { CryptoBackend } from '../../src/crypto/backend.js';
import { nodeCryptoBackend } from '../../src/crypto/node.js';
import { webCryptoBackend } from '../../src/crypto/web.js';

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);

// GitHub-like, with a millisecond timestamp header and an id nested in the body.
const acme = defineSender({
  name: 'acme',
  signature: { header: 'x-acme-signature', encoding: 'hex', prefix: 'sha256=', separator: ',' },
  signedContent: '{x-acme-timestamp}.{body}',
  secretEncoding: 'utf8',
  timestamp: { header: 'x-acme-timestamp', format: 'unix-millis' },
  id: { bodyField: 'data.id' },
});

const sign = (secret: string, body: string, at = NOW) => ({
  body,
  headers: {
    'x-acme-timestamp': String(at),
    'x-acme-signature': `sha256=${createHmac('sha256', secret).update(`${at}.${body}`).digest('hex')}`,
  },
});

function counting(inner: CryptoBackend) {
  const counts = { imports: 0, hmacs: 0 };
  const backend: CryptoBackend = {
    name: inner.name,
    importHmacKey: (raw) => (counts.imports++, inner.importHmacKey(raw)),
    hmacSha256: (key, parts) => (counts.hmacs++, inner.hmacSha256(key, parts)),
    sha256: (data) => inner.sha256(data),
    timingSafeEqual: (a, b) => inner.timingSafeEqual(a, b),
  };
  return { backend, counts };
}

const backends: [string, () => CryptoBackend][] = [
  ['node', () => nodeCryptoBackend()!],
  ['web', () => webCryptoBackend()],
];

describe('createVerifier options', () => {
  const base: VerifierOptions = { secret: 's' };
  it.each<[string, Partial<VerifierOptions> & Record<string, unknown>]>([
    ['both secret and secrets', { secrets: ['t'] }],
    ['a zero maxBodyBytes', { maxBodyBytes: 0 }],
    ['a fractional maxBodyBytes', { maxBodyBytes: 1.5 }],
    ['a NaN maxBodyBytes', { maxBodyBytes: Number.NaN }],
    ['a negative tolerance', { tolerance: -1 }],
    ['a tolerance with no unit', { tolerance: '5' as never }],
  ])('refuses %s with invalid_option', (_what, options) => {
    try {
      createVerifier(acme, { ...base, ...options } as VerifierOptions);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).code).toBe('invalid_option');
    }
  });

  // Issue #11, item 19: such a verifier started silently, then refused every delivery.
  it('refuses at construction a verifier whose every secret is already past its notAfter, as of the injected now', () => {
    const expired = { secrets: [{ secret: 'first-rolled-secret', notAfter: NOW - 1 }, { secret: 'second-rolled-secret', notAfter: new Date(NOW - 60_000) }], now: () => NOW };
    let error: unknown;
    try {
      createVerifier(acme, expired);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ code: 'invalid_secret', message: expect.stringMatching(/past its notAfter.*2026-11-23T11:59:59\.999Z/) });
    expect(String((error as Error).message)).not.toMatch(/rolled-secret/);
    // The same secrets, as of a now before they ended, and one of them still active: fine.
    expect(() => createVerifier(acme, { ...expired, now: () => new Date(NOW - 120_000) })).not.toThrow();
    expect(() => createVerifier(acme, { secrets: [...expired.secrets, 'u'], now: () => NOW })).not.toThrow();
    expect(() => createVerifier(acme, { secret: { secret: 's', notAfter: NOW }, now: () => NOW })).not.toThrow();
  });

  it('returns a frozen verifier that names its sender', () => {
    const verifier = createVerifier(acme, base);
    expect(Object.isFrozen(verifier)).toBe(true);
    expect(verifier.sender).toBe(acme);
  });
});

describe.each(backends)('createVerifier (%s backend)', (_name, make) => {
  it('imports each key once, however many requests, even concurrent first ones', async () => {
    const { backend, counts } = counting(make());
    const verifier = createVerifier(acme, { secrets: ['a', 'b', 'c'], backend, now: () => NOW });
    expect(counts.imports).toBeLessThanOrEqual(3);
    const delivery = sign('c', '{"data":{"id":"evt_1"}}');
    const results = await Promise.all(Array.from({ length: 20 }, () => verifier.verify(delivery)));
    await verifier.verify(delivery);
    expect(counts.imports).toBe(3);
    expect(results.every((result) => result.matchedSecret.index === 2)).toBe(true);
  });

  it('reports the first listed secret when several match', async () => {
    const verifier = createVerifier(acme, {
      secrets: [{ secret: 'x', label: 'other' }, { secret: 's', label: 'first' }, { secret: 's', label: 'second' }],
      backend: make(),
      now: () => NOW,
    });
    await expect(verifier.verify(sign('s', '{}'))).resolves.toMatchObject({ matchedSecret: { index: 1, label: 'first' } });
  });

  it('skips expired secrets without computing their HMAC', async () => {
    const { backend, counts } = counting(make());
    const verifier = createVerifier(acme, {
      secrets: [{ secret: 'old', notAfter: NOW - 1 }, 's'],
      backend,
      now: () => NOW,
    });
    await expect(verifier.verify(sign('s', '{}'))).resolves.toMatchObject({ matchedSecret: { index: 1 } });
    expect(counts.hmacs).toBe(1);
    await expect(verifier.safeVerify(sign('old', '{}'))).resolves.toMatchObject({ code: 'invalid_signature' });
  });

  it('stops at the last active secret: an expired one after it is neither tried nor matched', async () => {
    const { backend, counts } = counting(make());
    const verifier = createVerifier(acme, {
      secrets: ['x', { secret: 's', notAfter: NOW - 1 }],
      backend,
      now: () => NOW,
    });
    await expect(verifier.safeVerify(sign('s', '{}'))).resolves.toMatchObject({ code: 'invalid_signature' });
    expect(counts.hmacs).toBe(1);
    await expect(verifier.verify(sign('x', '{}'))).resolves.toMatchObject({ matchedSecret: { index: 0 } });
    expect(counts.hmacs).toBe(2);
  });

  it('reads the id from a nested body field, and none when absent', async () => {
    const verifier = createVerifier(acme, { secret: 's', backend: make(), now: () => NOW });
    await expect(verifier.verify(sign('s', '{"data":{"id":"evt_9"}}'))).resolves.toMatchObject({ id: 'evt_9' });
    await expect(verifier.verify(sign('s', '{"data":{"id":9}}'))).resolves.toMatchObject({ id: undefined });
    await expect(verifier.verify(sign('s', '{"data":null}'))).resolves.toMatchObject({ id: undefined });
    await expect(verifier.verify(sign('s', 'null'))).resolves.toMatchObject({ id: undefined, payload: null });
  });

  it('gives an id function the verified payload and the request headers', async () => {
    const sender = defineSender({ ...acme, id: ({ payload, headers }) => `${(payload as { n: number }).n}:${(headers as Record<string, string>)['x-extra']}` });
    const verifier = createVerifier(sender, { secret: 's', backend: make(), now: () => NOW });
    const delivery = sign('s', '{"n":3}');
    await expect(verifier.verify({ ...delivery, headers: { ...delivery.headers, 'x-extra': 'e' } })).resolves.toMatchObject({ id: '3:e' });
  });

  it('accepts up to 16 signatures in a header and refuses more', async () => {
    const verifier = createVerifier(acme, { secret: 's', backend: make(), now: () => NOW });
    const delivery = sign('s', '{}');
    const wrong = sign('w', '{}').headers['x-acme-signature'];
    const list = (n: number) => [...Array.from({ length: n - 1 }, () => wrong), delivery.headers['x-acme-signature']].join(',');
    await expect(verifier.verify({ ...delivery, headers: { ...delivery.headers, 'x-acme-signature': list(16) } })).resolves.toBeDefined();
    await expect(verifier.safeVerify({ ...delivery, headers: { ...delivery.headers, 'x-acme-signature': list(17) } })).resolves.toMatchObject({
      code: 'malformed_header',
    });
  });

  it('refuses entries without the prefix when other versions are not skipped', async () => {
    const verifier = createVerifier(acme, { secret: 's', backend: make(), now: () => NOW });
    const delivery = sign('s', '{}');
    const bare = delivery.headers['x-acme-signature'].slice('sha256='.length);
    for (const value of [bare, `sha1=${bare}`, `${delivery.headers['x-acme-signature']},${bare}`]) {
      await expect(verifier.safeVerify({ ...delivery, headers: { ...delivery.headers, 'x-acme-signature': value } })).resolves.toMatchObject({
        code: 'malformed_header',
      });
    }
  });

  // Issue #11, item 8: `v1=<valid>,v1=potato` was refused as malformed_header.
  it('skips a prefixed entry that does not decode, beside a valid one', async () => {
    const verifier = createVerifier(acme, { secret: 's', backend: make(), now: () => NOW });
    const delivery = sign('s', '{}');
    const valid = delivery.headers['x-acme-signature'];
    for (const value of [`${valid},sha256=potato`, `sha256=potato,${valid}`, `sha256=${'ab'.repeat(20)},${valid}`]) {
      await expect(verifier.verify({ ...delivery, headers: { ...delivery.headers, 'x-acme-signature': value } })).resolves.toBeDefined();
    }
    await expect(
      verifier.safeVerify({ ...delivery, headers: { ...delivery.headers, 'x-acme-signature': 'sha256=potato,sha256=tomato' } }),
    ).resolves.toMatchObject({ code: 'malformed_header', message: expect.stringMatching(/has no signature in acme's format/) });
  });

  // Issue #11, item 11: a correctly signed empty body was invalid_body, whatever the sender sends.
  it('reads the body as its kind says: JSON by default, text or bytes when the sender or the options say so', async () => {
    const plain = defineSender({ ...acme, id: { bodyDigest: 'sha256' } });
    const textSender = defineSender({ ...plain, body: 'text' });
    const json = createVerifier(plain, { secret: 's', backend: make(), now: () => NOW });
    const text = createVerifier(textSender, { secret: 's', backend: make(), now: () => NOW });
    const bytes = createVerifier(textSender, { secret: 's', backend: make(), now: () => NOW, body: 'bytes' });
    const empty = sign('s', '');
    const emptyAsJson = await json.safeVerify(empty);
    expect(emptyAsJson).toMatchObject({ ok: false, code: 'invalid_body', message: expect.stringMatching(/empty.*body: "text" or "bytes"/) });
    await expect(text.verify(empty)).resolves.toMatchObject({ payload: '', id: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const emptyBytes = await bytes.verify(empty);
    expect(emptyBytes.payload).toEqual(new Uint8Array(0));
    const form = sign('s', 'a=1&b=%C3%A9');
    await expect(text.verify(form)).resolves.toMatchObject({ payload: 'a=1&b=%C3%A9' });
    expect((await bytes.verify(form)).payload).toEqual(new TextEncoder().encode('a=1&b=%C3%A9'));
    await expect(json.safeVerify(form)).resolves.toMatchObject({ code: 'invalid_body', message: expect.stringMatching(/not valid UTF-8 JSON/) });
    // Bytes are the caller's own, not copied; text must still be UTF-8.
    const raw = Uint8Array.of(0xff, 0x00, 0x7f);
    const signedRaw = { headers: sign('s', '').headers, body: raw };
    const rawMac = createHmac('sha256', 's').update(`${NOW}.`).update(raw).digest('hex');
    signedRaw.headers['x-acme-signature'] = `sha256=${rawMac}`;
    expect((await bytes.verify(signedRaw)).payload).toBe(raw);
    await expect(text.safeVerify(signedRaw)).resolves.toMatchObject({ code: 'invalid_body', message: expect.stringMatching(/UTF-8 text/) });
    // Verify before parse, whatever the kind.
    await expect(text.safeVerify({ ...form, body: 'a=2' })).resolves.toMatchObject({ code: 'invalid_signature' });
    expect(() => createVerifier(acme, { secret: 's', body: 'text' })).toThrow(/"data.id" field needs a JSON or form body, and this sender's body is "text"/);
    expect(() => createVerifier(plain, { secret: 's', body: 'xml' as never })).toThrow(ConfigurationError);
    // A form body: fields by name, decoded.
    const formVerifier = createVerifier(plain, { secret: 's', backend: make(), now: () => NOW, body: 'form' });
    await expect(formVerifier.verify(form)).resolves.toMatchObject({ payload: { a: '1', b: 'é' } });
  });

  // Issue #11, item 12: a gzip body was reported as invalid_signature, with advice about secrets.
  it('answers unsupported_encoding for a content-encoded body whose bytes do not verify', async () => {
    const verifier = createVerifier(acme, { secret: 's', backend: make(), now: () => NOW });
    const delivery = sign('s', '{"data":{"id":"e"}}');
    const gzipped = { body: Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0), headers: { ...delivery.headers, 'Content-Encoding': 'gzip' } };
    const outcome = await verifier.safeVerify(gzipped);
    expect(outcome).toMatchObject({ ok: false, code: 'unsupported_encoding' });
    expect((outcome as { message: string }).message).not.toMatch(/secret/);
    await expect(verifier.safeVerify({ ...gzipped, headers: { ...gzipped.headers, 'Content-Encoding': 'identity' } })).resolves.toMatchObject({
      code: 'invalid_signature',
    });
    // The bytes given are what is checked: a body a framework already decoded verifies.
    await expect(verifier.verify({ ...delivery, headers: { ...delivery.headers, 'content-encoding': 'gzip' } })).resolves.toMatchObject({ id: 'e' });
    // Signed over the compressed bytes, it verifies but is not JSON: still said to be encoded.
    const compressed = sign('s', '\u001f\u008b');
    await expect(verifier.safeVerify({ ...compressed, headers: { ...compressed.headers, 'content-encoding': 'br' } })).resolves.toMatchObject({
      code: 'unsupported_encoding',
    });
  });

  // Issue #11, item 15: the event type of a sender that names it in a header.
  it('reports the event type from a header or a body field', async () => {
    const byHeader = defineSender({ ...acme, eventType: { header: 'x-acme-event', unsignedAllowsRelabeling: true } });
    const byField = defineSender({ ...acme, eventType: { bodyField: 'data.kind' } });
    const delivery = sign('s', '{"data":{"id":"e","kind":"user.created"}}');
    const headerVerifier = createVerifier(byHeader, { secret: 's', backend: make(), now: () => NOW });
    await expect(headerVerifier.verify({ ...delivery, headers: { ...delivery.headers, 'X-Acme-Event': 'push' } })).resolves.toMatchObject({ eventType: 'push' });
    await expect(headerVerifier.safeVerify(delivery)).resolves.toMatchObject({ code: 'missing_header', message: expect.stringContaining('x-acme-event') });
    const fieldVerifier = createVerifier(byField, { secret: 's', backend: make(), now: () => NOW });
    await expect(fieldVerifier.verify(delivery)).resolves.toMatchObject({ eventType: 'user.created' });
    await expect(fieldVerifier.verify(sign('s', '{"data":{"kind":3}}'))).resolves.toMatchObject({ eventType: undefined });
    await expect(createVerifier(acme, { secret: 's', backend: make(), now: () => NOW }).verify(delivery)).resolves.toMatchObject({ eventType: undefined });
  });

  it('rejects verify() with a WebhookVerificationError that never holds the secret', async () => {
    const secret = 'super-secret-value';
    const verifier = createVerifier(acme, { secret, backend: make(), now: () => NOW });
    const error = await verifier.verify(sign('other', '{}')).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect((error as WebhookVerificationError).code).toBe('invalid_signature');
    expect(`${(error as Error).message} ${(error as Error).stack}`).not.toContain(secret);
  });
});
