import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createEdgeSenseVerifier, EDGESENSE_DEFAULT_SIGNATURE_HEADER, edgesense } from '../../../src/senders/edgesense/index.js';
import { describeConformance, expectCode, NOW } from '../conformance.js';

/** EdgeSense's guide: hex HMAC-SHA256 of the raw body, keyed by the secret's UTF-8 bytes. */
const edgesenseSignature = (secret: string, body: string | Uint8Array) => createHmac('sha256', Buffer.from(secret, 'utf8')).update(body).digest('hex');

describeConformance({
  name: 'edgesense',
  sender: edgesense,
  create: createEdgeSenseVerifier,
  secrets: ['edge-secret-ünïcode', 'edge-secret-previous'],
  wrongSecret: 'not-the-secret',
  multiSignature: false,
  timestampIn: 'body',
  defaultToleranceMs: 86_400_000,
  payload: (ms) => ({
    event: 'device.data',
    timestamp: new Date(ms).toISOString(),
    deviceId: 'edge-node-321',
    payload: { temperature: 75.3, humidity: 42.5, pressure: 101.2 },
  }),
  sign: (body, _ms, secrets) => ({ 'x-edgesense-signature': secrets.map((secret) => edgesenseSignature(secret, body)).join(',') }),
  expectedId: (body) => createHash('sha256').update(body).digest('hex'),
});

describe('edgesense: specifics', () => {
  it('accepts a retry of the same body hours later by default, since its timestamp is the event time', async () => {
    const body = JSON.stringify({ event: 'device.alert', timestamp: new Date(NOW).toISOString(), deviceId: 'd' });
    const signed = { body, headers: { [EDGESENSE_DEFAULT_SIGNATURE_HEADER]: edgesenseSignature('edge-secret', body) } };
    const later = (ms: number, tolerance?: '5m') => createEdgeSenseVerifier({ secret: 'edge-secret', now: () => NOW + ms, tolerance });
    await expect(later(3 * 3_600_000).verify(signed)).resolves.toMatchObject({ payload: { event: 'device.alert' } });
    await expectCode(later(86_400_001), signed, 'timestamp_too_old');
    await expectCode(later(5 * 60_000 + 1, '5m'), signed, 'timestamp_too_old');
    expect(edgesense.tolerance).toBe('1d');
  });

  const secret = 'edge-secret';
  const sign = (body: string, header = EDGESENSE_DEFAULT_SIGNATURE_HEADER) => ({ body, headers: { [header]: edgesenseSignature(secret, body) } });

  it('reads the signature from a configured header', async () => {
    const body = JSON.stringify({ event: 'device.alert', timestamp: new Date(NOW).toISOString(), deviceId: 'd' });
    const verifier = createEdgeSenseVerifier({ secret, signatureHeader: 'X-Signature', now: () => NOW });
    await expect(verifier.verify(sign(body, 'x-signature'))).resolves.toMatchObject({ payload: { event: 'device.alert' } });
    await expectCode(verifier, sign(body), 'missing_header');
    expect(verifier.sender.signature).toMatchObject({ kind: 'header', header: 'x-signature' });
  });

  it('refuses a signed body whose timestamp is missing or unparseable', async () => {
    const verifier = createEdgeSenseVerifier({ secret, now: () => NOW });
    for (const timestamp of [undefined, null, 'yesterday', 1_700_000_000, '2026-02-30T00:00:00Z']) {
      const outcome = await expectCode(verifier, sign(JSON.stringify({ event: 'device.data', timestamp })), 'invalid_body');
      expect(outcome.message).toMatch(/timestamp/);
    }
    await expectCode(verifier, sign('[1,2]'), 'invalid_body');
  });

  it('gives the same dedupe id to retries of one delivery and another to a different one', async () => {
    const verifier = createEdgeSenseVerifier({ secret, now: () => NOW });
    const body = JSON.stringify({ event: 'device.data', timestamp: new Date(NOW).toISOString() });
    const first = await verifier.verify(sign(body));
    const retry = await verifier.verify({ ...sign(body), body: Buffer.from(body) });
    const other = await verifier.verify(sign(body.replace('device.data', 'device.status')));
    expect(retry.id).toBe(first.id);
    expect(other.id).not.toBe(first.id);
  });
});
