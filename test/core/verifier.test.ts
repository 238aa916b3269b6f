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

  it('rejects verify() with a WebhookVerificationError that never holds the secret', async () => {
    const secret = 'super-secret-value';
    const verifier = createVerifier(acme, { secret, backend: make(), now: () => NOW });
    const error = await verifier.verify(sign('other', '{}')).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect((error as WebhookVerificationError).code).toBe('invalid_signature');
    expect(`${(error as Error).message} ${(error as Error).stack}`).not.toContain(secret);
  });
});
