// Sign -> verify round trips for every sender: whatever the body, secret and in-window time,
// what signDelivery signs the verifier accepts, with the payload and metadata intact.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../src/core/encoding.js';
import { decodeSecrets } from '../../src/core/secrets.js';
import { formatTimestamp } from '../../src/core/timestamps.js';
import { createVerifier } from '../../src/core/verifier.js';
import { signDelivery } from '../../src/testing/index.js';
import {
  backend,
  inWindowOffsetArb,
  jsonTextArb,
  NUM_RUNS,
  nowArb,
  rawBodyArb,
  senderCases,
  TOLERANCE_MS,
} from './fixtures.js';

function isJson(body: string | Uint8Array): boolean {
  const text = typeof body === 'string' ? body : decodeUtf8(body);
  if (text === undefined) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe.each(senderCases)('$name: sign -> verify', ({ sender, secret, bodyTimestamp }) => {
  it(`accepts every signed JSON body in the replay window (${NUM_RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        secret,
        jsonTextArb,
        nowArb,
        inWindowOffsetArb,
        fc.boolean(),
        async (key, json, now, offset, asBytes) => {
          const signedAt = now + offset;
          // EdgeSense signs no time: the envelope's own timestamp drives the window.
          const text = bodyTimestamp
            ? `{"timestamp":${JSON.stringify(formatTimestamp(signedAt, 'rfc3339'))},"data":${json}}`
            : json;
          const body = asBytes ? new TextEncoder().encode(text) : text;
          const signed = await signDelivery(sender, { secret: key, body, timestamp: signedAt, backend });
          const verifier = createVerifier(sender, { secret: key, backend, now: () => now, tolerance: TOLERANCE_MS / 1000 });
          const delivery = await verifier.verify(signed);
          expect(delivery.sender).toBe(sender.name);
          expect(delivery.payload).toEqual(JSON.parse(text));
          expect(delivery.matchedSecret).toEqual({ index: 0, label: undefined });
          const id = sender.id;
          if (id?.kind === 'header') expect(delivery.id).toBe(signed.headers[id.name]);
          else if (id?.kind === 'body-digest') expect(delivery.id).toMatch(/^[0-9a-f]{64}$/);
          else expect(delivery.id).toBeUndefined(); // Peridio: the envelope's prn, absent here
          // Header and envelope times are written to the second or millisecond: within 1 s.
          expect(Math.abs(delivery.timestamp!.getTime() - signedAt)).toBeLessThan(1000);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it(`checks the signature over any bytes, JSON or not (${NUM_RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(secret, rawBodyArb, nowArb, inWindowOffsetArb, async (key, body, now, offset) => {
        const signed = await signDelivery(sender, { secret: key, body, timestamp: now + offset, backend });
        const verifier = createVerifier(sender, { secret: key, backend, now: () => now });
        const signature = await verifier.verifySignature(signed);
        expect(signature).not.toHaveProperty('code');
        expect(signature).toMatchObject({ sender: sender.name, matchedSecret: { index: 0 } });
        // The signature held, so the only possible refusal is the body itself.
        const outcome = await verifier.safeVerify(signed);
        if (!isJson(body)) expect(outcome).toMatchObject({ ok: false, code: 'invalid_body' });
        else if (!bodyTimestamp) expect(outcome.ok).toBe(true);
        else if (!outcome.ok) expect(['invalid_body', 'timestamp_too_old', 'timestamp_in_future']).toContain(outcome.code);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it(`verifies with whichever of two rolled secrets is active (${NUM_RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(secret, secret, nowArb, fc.boolean(), async (oldKey, newKey, now, oldExpired) => {
        // Compare key bytes, not representations: the text "~" and the bytes [0x7e] are one key.
        const [oldBytes, newBytes] = [oldKey, newKey].map((key) => decodeSecrets(key, sender.algorithm.key)[0]!.key.join(','));
        fc.pre(oldBytes !== newBytes);
        const body = '{"rolled":true,"timestamp":"' + formatTimestamp(now, 'rfc3339') + '"}';
        // The delivery is signed with the old secret only.
        const signed = await signDelivery(sender, { secret: oldKey, body, timestamp: now, backend });
        const verifier = createVerifier(sender, {
          secrets: [
            { secret: newKey, label: 'new' },
            { secret: oldKey, label: 'old', notAfter: oldExpired ? now - 1 : now + 1 },
          ],
          backend,
          now: () => now,
        });
        const outcome = await verifier.safeVerify(signed);
        if (oldExpired) expect(outcome).toMatchObject({ ok: false, code: 'invalid_signature' });
        else expect(outcome).toMatchObject({ ok: true, delivery: { matchedSecret: { index: 1, label: 'old' } } });
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
