// The same vectors, run against whichever backend a suite hands in: node:crypto and Web Crypto
// under Node (backends.test.ts), and the default backend under the edge runtime (edge-runtime.test.ts).
import { describe, expect, it } from 'vitest';
import { encodeHex } from '../../src/core/encoding.js';
import { createVerifier } from '../../src/core/verifier.js';
import type { CryptoBackend } from '../../src/crypto/backend.js';
import { edgesense } from '../../src/senders/edgesense/index.js';
import { peridio } from '../../src/senders/peridio/index.js';
import { standardWebhooks } from '../../src/senders/standard-webhooks/index.js';
import { signDelivery } from '../../src/testing/index.js';
import { DELIVERIES, RFC4231, SHA256 } from './vectors.js';

export const SENDERS = { peridio, edgesense, 'standard-webhooks': standardWebhooks } as const;

export function describeBackendVectors(label: string, getBackend: () => CryptoBackend): void {
  describe(`${label}: published vectors`, () => {
    it.each(RFC4231)('HMAC-SHA256 RFC 4231 $name', async ({ key, parts, mac }) => {
      const backend = getBackend();
      const handle = await backend.importHmacKey(key);
      expect(encodeHex(await backend.hmacSha256(handle, parts))).toBe(mac);
    });

    it.each(SHA256)('SHA-256 of "$data"', async ({ data, digest }) => {
      expect(encodeHex(await getBackend().sha256(data))).toBe(digest);
      expect(encodeHex(await getBackend().sha256(new TextEncoder().encode(data)))).toBe(digest);
    });

    it('hashes a byte view at its offset, not its whole buffer', async () => {
      const backend = getBackend();
      const whole = new TextEncoder().encode('xxHi Therexx');
      const view = new Uint8Array(whole.buffer, 2, 8);
      const handle = await backend.importHmacKey(RFC4231[0]!.key);
      expect(encodeHex(await backend.hmacSha256(handle, [view]))).toBe(RFC4231[0]!.mac);
    });

    it('compares digests: equal, one bit off, other length', () => {
      const backend = getBackend();
      const a = new Uint8Array(32).fill(7);
      const b = a.slice();
      expect(backend.timingSafeEqual(a, b)).toBe(true);
      b[31] = 6;
      expect(backend.timingSafeEqual(a, b)).toBe(false);
      b[31] = 7;
      b[0] = 0x87;
      expect(backend.timingSafeEqual(a, b)).toBe(false);
      expect(backend.timingSafeEqual(a, a.subarray(0, 31))).toBe(false);
    });
  });

  describe(`${label}: deliveries`, () => {
    it.each(DELIVERIES)('verifies the $sender vector', async ({ sender, secret, body, headers, nowMs }) => {
      const verifier = createVerifier(SENDERS[sender], { secret, backend: getBackend(), now: () => nowMs });
      const delivery = await verifier.verify({ body, headers });
      expect(delivery.sender).toBe(sender);
      expect(delivery.payload).toEqual(JSON.parse(body));
      expect(delivery.matchedSecret).toEqual({ index: 0, label: undefined });
    });

    it.each(DELIVERIES)('refuses the $sender vector with one body byte changed', async ({ sender, secret, body, headers, nowMs }) => {
      const verifier = createVerifier(SENDERS[sender], { secret, backend: getBackend(), now: () => nowMs });
      const tampered = body.replace('2', '3');
      expect(tampered).not.toBe(body);
      await expect(verifier.safeVerify({ body: tampered, headers })).resolves.toMatchObject({ ok: false, code: 'invalid_signature' });
    });

    it.each(DELIVERIES)('signs the $sender vector as published', async ({ sender, secret, body, headers, nowMs }) => {
      const signed = await signDelivery(SENDERS[sender], {
        secret,
        body,
        timestamp: nowMs,
        id: headers['webhook-id'],
        backend: getBackend(),
      });
      for (const [name, value] of Object.entries(headers)) expect(signed.headers[name]).toBe(value);
    });

    it('derives the EdgeSense dedupe id as the SHA-256 of the raw body', async () => {
      const vector = DELIVERIES.find((entry) => entry.sender === 'edgesense')!;
      const verifier = createVerifier(edgesense, { secret: vector.secret, backend: getBackend(), now: () => vector.nowMs });
      const delivery = await verifier.verify({ body: new TextEncoder().encode(vector.body), headers: vector.headers });
      expect(delivery.id).toBe(encodeHex(await getBackend().sha256(vector.body)));
      expect(delivery.id).toMatch(/^[0-9a-f]{64}$/);
    });
  });
}
