// Replays hookverify cannot refuse by itself, shown rather than only described
// (docs/threat-model.md, "What hookverify cannot do for you"): a sender that signs no time, and a
// dedupe key forgotten while the replay window still accepts the delivery. These live outside the
// mutation suites on purpose: they pin documented limits, not the core's logic.
import { describe, expect, it } from 'vitest';
import { createVerifier, createWebhookReceiver, defineSender, type Duration, type Sender } from '../../src/index.js';
import { createDeduplicator, createMemoryStore } from '../../src/dedupe/index.js';
import { retentionMs } from '../../src/dedupe/retention.js';
import { createEdgeSenseVerifier, edgesense } from '../../src/senders/edgesense/index.js';
import { peridio } from '../../src/senders/peridio/index.js';
import { standardWebhooks } from '../../src/senders/standard-webhooks/index.js';
import { signDelivery } from '../../src/testing/index.js';

const NOW = Date.UTC(2026, 10, 23, 12);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A receiver whose verifier and dedupe store share one movable clock. */
function receiverAt(verifierFor: (now: () => number) => Parameters<typeof createWebhookReceiver>[0]['verifier'], retention?: Duration) {
  const clock = { now: NOW };
  const now = () => clock.now;
  const handled: unknown[] = [];
  const receiver = createWebhookReceiver({
    verifier: verifierFor(now),
    dedupe: createDeduplicator({ store: createMemoryStore({ now }), ...(retention === undefined ? {} : { retention }) }),
    handle: (payload) => void handled.push(payload),
  });
  const deliver = async (signed: { body: unknown; headers: Record<string, string> }, at: number) => {
    clock.now = at;
    const response = await receiver.receive({ method: 'POST', headers: signed.headers, body: signed.body as string });
    return JSON.parse(response.body) as { status?: string; error?: string };
  };
  return { deliver, handled };
}

describe('replays hookverify cannot refuse by itself', () => {
  it('a sender that signs no time: a captured delivery verifies a year later, and only dedupe on a signed id refuses it', async () => {
    const bodyOnly = defineSender({
      name: 'body-only',
      signature: { header: 'x-signature', encoding: 'hex' },
      signedContent: '{body}',
      secretEncoding: 'utf8',
      id: { bodyDigest: 'sha256' },
    });
    const secret = 'a shared secret of the body-only sender';
    const signed = await signDelivery(bodyOnly, { secret, body: { order: 42, state: 'paid' } });
    const yearLater = NOW + 365 * DAY;
    await expect(createVerifier(bodyOnly, { secret, now: () => yearLater }).verify(signed)).resolves.toMatchObject({ sender: 'body-only' });

    const { deliver, handled } = receiverAt((now) => createVerifier(bodyOnly, { secret, now }));
    expect(await deliver(signed, NOW)).toEqual({ status: 'processed' });
    expect(await deliver(signed, NOW + 3 * DAY)).toEqual({ status: 'duplicate' });
    expect(handled).toHaveLength(1);
  });

  it('a replay inside the window is processed again once its dedupe key is forgotten (retention shorter than the window)', async () => {
    const secret = 'edgesense shared secret';
    const body = JSON.stringify({ event: 'device.alert', timestamp: new Date(NOW).toISOString(), deviceId: 'd-1' });
    const signed = await signDelivery(edgesense, { secret, body });

    const short = receiverAt((now) => createEdgeSenseVerifier({ secret, now }), '1h');
    expect(await short.deliver(signed, NOW)).toEqual({ status: 'processed' });
    expect(await short.deliver(signed, NOW + 30 * 60_000)).toEqual({ status: 'duplicate' });
    // Two hours on, the one-day window still accepts the delivery, but its key is gone.
    expect(await short.deliver(signed, NOW + 2 * HOUR)).toEqual({ status: 'processed' });
    expect(short.handled).toHaveLength(2);

    const byDefault = receiverAt((now) => createEdgeSenseVerifier({ secret, now }));
    expect(await byDefault.deliver(signed, NOW)).toEqual({ status: 'processed' });
    expect(await byDefault.deliver(signed, NOW + 23 * HOUR)).toEqual({ status: 'duplicate' });
    expect(byDefault.handled).toHaveLength(1);
  });

  // A delivery first processed when its timestamp was at the future edge of the window is
  // accepted again until the past edge: twice the window later. A retention of at least twice
  // the window keeps its key that long; the verifier refusing at half the retention shows it.
  it.each<[string, Sender, string]>([
    ['peridio', peridio, '0123456789ABCDEF0123456789ABCDEF'],
    ['standard-webhooks', standardWebhooks, 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
    ['edgesense', edgesense, 'edgesense shared secret'],
  ])('the default retention for %s outlasts every replay its default window accepts', async (_name, sender, secret) => {
    const half = Math.ceil(retentionMs(sender) / 2) + 1;
    const body = JSON.stringify({ timestamp: new Date(NOW).toISOString(), prn: 'prn:1:x:event:y' });
    const signed = await signDelivery(sender, { secret, body, timestamp: NOW });
    const at = (now: number) => createVerifier(sender, { secret, now: () => now }).safeVerify(signed);
    await expect(at(NOW)).resolves.toMatchObject({ ok: true });
    await expect(at(NOW + half)).resolves.toMatchObject({ ok: false, code: 'timestamp_too_old' });
    await expect(at(NOW - half)).resolves.toMatchObject({ ok: false, code: 'timestamp_in_future' });
  });
});
