// Digests are compared in constant time, whole and of equal length only: a signature of the
// wrong length is refused before any comparison, and a comparison never stops at the first
// differing byte or the first matching candidate.
import { describe, expect, it, vi } from 'vitest';
import type { CryptoBackend } from '../../src/crypto/backend.js';
import { nodeCryptoBackend } from '../../src/crypto/node.js';
import { webCryptoBackend } from '../../src/crypto/web.js';
import { createPeridioVerifier } from '../../src/senders/peridio/index.js';
import { createStandardWebhooksVerifier } from '../../src/senders/standard-webhooks/index.js';
import { peridio } from '../../src/senders/peridio/index.js';
import { standardWebhooks } from '../../src/senders/standard-webhooks/index.js';
import { signDelivery } from '../../src/testing/index.js';

const NOW = Date.UTC(2026, 10, 23, 12);
const PERIDIO_SECRET = '0123456789ABCDEF0123456789ABCDEF';
const SW_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const BODY = '{"prn":"prn:1:4e33149b-637d-4679-b64f-4905e7a0cf8c:event:0b2e4f3c-8a1d-4c5e-9f6a-7b8c9d0e1f2a"}';

/** Wraps a backend and records the byte lengths of every comparison. */
function spyBackend(inner: CryptoBackend) {
  const comparisons: [number, number][] = [];
  const backend: CryptoBackend = {
    ...inner,
    name: `spy-${inner.name}`,
    timingSafeEqual(a, b) {
      comparisons.push([a.byteLength, b.byteLength]);
      return inner.timingSafeEqual(a, b);
    },
  };
  return { backend, comparisons };
}

const backends: [string, () => CryptoBackend][] = [
  ['node', () => nodeCryptoBackend()!],
  ['web', () => webCryptoBackend()],
];

describe.each(backends)('the verifier compares only whole 32-byte digests (%s backend)', (_name, make) => {
  it('compares equal-length 32-byte digests for every well-formed signature, and nothing else', async () => {
    const { backend, comparisons } = spyBackend(make());
    const verifier = createPeridioVerifier({ secret: PERIDIO_SECRET, backend, now: () => NOW });
    const signed = await signDelivery(peridio, { secret: PERIDIO_SECRET, body: BODY, timestamp: NOW });
    const sig = signed.headers['peridio-signature']!;
    const attempts = [sig, sig.toLowerCase(), '0'.repeat(64), `${'0'.repeat(64)},${sig}`, `${sig},${'F'.repeat(64)}`];
    for (const value of attempts) await verifier.safeVerify({ body: signed.body, headers: { ...signed.headers, 'peridio-signature': value } });
    expect(comparisons.length).toBe(7);
    for (const [a, b] of comparisons) expect([a, b]).toEqual([32, 32]);
  });

  it.each([
    ['31 bytes', (sig: string) => sig.slice(0, 62)],
    ['33 bytes', (sig: string) => `${sig}AB`],
    ['the first half', (sig: string) => sig.slice(0, 32)],
    ['one byte', (sig: string) => sig.slice(0, 2)],
    ['64 bytes (two digests run together)', (sig: string) => sig + sig],
    ['only short entries', (sig: string) => `${sig.slice(0, 10)},${sig.slice(0, 62)}`],
  ])('refuses a signature of %s without comparing anything', async (_label, edit) => {
    const { backend, comparisons } = spyBackend(make());
    const verifier = createPeridioVerifier({ secret: PERIDIO_SECRET, backend, now: () => NOW });
    const signed = await signDelivery(peridio, { secret: PERIDIO_SECRET, body: BODY, timestamp: NOW });
    const headers = { ...signed.headers, 'peridio-signature': edit(signed.headers['peridio-signature']!) };
    const outcome = await verifier.safeVerify({ body: signed.body, headers });
    expect(outcome).toMatchObject({ ok: false, code: 'malformed_header' });
    expect(comparisons).toEqual([]);
  });

  // Issue #11, item 8: such an entry can never match, so it is skipped rather than poisoning the header.
  it('skips a short entry beside the right signature: only the whole digest is compared', async () => {
    const { backend, comparisons } = spyBackend(make());
    const verifier = createPeridioVerifier({ secret: PERIDIO_SECRET, backend, now: () => NOW });
    const signed = await signDelivery(peridio, { secret: PERIDIO_SECRET, body: BODY, timestamp: NOW });
    const sig = signed.headers['peridio-signature']!;
    const outcome = await verifier.safeVerify({ body: signed.body, headers: { ...signed.headers, 'peridio-signature': `${sig.slice(0, 10)},${sig}` } });
    expect(outcome.ok).toBe(true);
    expect(comparisons).toEqual([[32, 32]]);
  });

  it('refuses a base64 signature of the wrong length without comparing anything', async () => {
    const { backend, comparisons } = spyBackend(make());
    const verifier = createStandardWebhooksVerifier({ secret: SW_SECRET, backend, now: () => NOW });
    const signed = await signDelivery(standardWebhooks, { secret: SW_SECRET, body: BODY, timestamp: NOW });
    const short = `v1,${Buffer.alloc(31, 7).toString('base64')}`;
    const outcome = await verifier.safeVerify({ body: signed.body, headers: { ...signed.headers, 'webhook-signature': short } });
    expect(outcome).toMatchObject({ ok: false, code: 'malformed_header' });
    expect(comparisons).toEqual([]);
  });

  it('compares against every candidate even after a match, so timing does not tell which one matched', async () => {
    const { backend, comparisons } = spyBackend(make());
    const verifier = createPeridioVerifier({ secret: PERIDIO_SECRET, backend, now: () => NOW });
    const signed = await signDelivery(peridio, { secret: PERIDIO_SECRET, body: BODY, timestamp: NOW });
    const sig = signed.headers['peridio-signature']!;
    const outcome = await verifier.safeVerify({ body: signed.body, headers: { ...signed.headers, 'peridio-signature': `${sig},${'1'.repeat(64)},${'2'.repeat(64)}` } });
    expect(outcome.ok).toBe(true);
    expect(comparisons.length).toBe(3);
  });
});

/** A byte array that counts reads of its indexed elements. */
function countingBytes(bytes: Uint8Array): { view: Uint8Array; reads: Set<number> } {
  const reads = new Set<number>();
  const view = new Proxy(bytes, {
    get(target, key) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads.add(Number(key));
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { view, reads };
}

describe('the backends compare in constant time', () => {
  const digest = Uint8Array.from({ length: 32 }, (_, i) => i * 7);

  it.each([0, 1, 16, 31])('web: reads all 32 bytes when the first difference is at byte %i', (at) => {
    const other = digest.slice();
    other[at]! ^= 0xff;
    const a = countingBytes(digest);
    const b = countingBytes(other);
    expect(webCryptoBackend().timingSafeEqual(a.view, b.view)).toBe(false);
    expect(a.reads.size).toBe(32);
    expect(b.reads.size).toBe(32);
  });

  it('web: equal digests are equal, and unequal lengths are unequal without reading a byte', () => {
    const web = webCryptoBackend();
    expect(web.timingSafeEqual(digest, digest.slice())).toBe(true);
    const a = countingBytes(digest);
    const b = countingBytes(digest.slice(0, 31));
    expect(web.timingSafeEqual(a.view, b.view)).toBe(false);
    expect(a.reads.size + b.reads.size).toBe(0);
  });

  it("node: uses crypto.timingSafeEqual for equal lengths and never calls it (it would throw) for unequal ones", () => {
    const crypto = process.getBuiltinModule('node:crypto');
    const spy = vi.spyOn(crypto, 'timingSafeEqual');
    try {
      const node = nodeCryptoBackend()!;
      expect(node.timingSafeEqual(digest, digest.slice())).toBe(true);
      const other = digest.slice();
      other[0]! ^= 1;
      expect(node.timingSafeEqual(digest, other)).toBe(false);
      expect(spy).toHaveBeenCalledTimes(2);
      spy.mockClear();
      expect(node.timingSafeEqual(digest, digest.slice(0, 31))).toBe(false);
      expect(node.timingSafeEqual(digest.slice(0, 31), digest)).toBe(false);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});
