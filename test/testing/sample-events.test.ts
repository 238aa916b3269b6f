import { describe, expect, it } from 'vitest';
import { ConfigurationError, createVerifier } from '../../src/index.js';
import { edgesenseEvents } from '../../src/senders/edgesense/events/index.js';
import { edgesense } from '../../src/senders/edgesense/index.js';
import { peridioEvents } from '../../src/senders/peridio/events/index.js';
import { peridio } from '../../src/senders/peridio/index.js';
import {
  sampleEdgeSenseEvent,
  sampleEdgeSenseEventNames,
  samplePeridioEvent,
  samplePeridioEventNames,
  signDelivery,
} from '../../src/testing/index.js';

describe('samplePeridioEvent', () => {
  it('covers every event of the catalog', () => {
    expect([...samplePeridioEventNames].sort()).toEqual([...peridioEvents.eventNames].sort());
  });

  it.each([...samplePeridioEventNames])('builds a valid %s', (name) => {
    const result = peridioEvents.parse(samplePeridioEvent(name), { strict: true });
    if (!result.ok) throw new Error(result.message);
    expect(result.event.name).toBe(name);
  });

  it('spells subtypes as Peridio sends them and makes a fresh event PRN and time each call', () => {
    const before = Date.now();
    const a = samplePeridioEvent('device.release-changed');
    const b = samplePeridioEvent('device.release-changed');
    expect(a.data.type).toBe('release_changed');
    expect(a.prn).not.toBe(b.prn);
    expect(Date.parse(a.inserted_at)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('merges overrides deeply, replaces with null and arrays, and removes with undefined', () => {
    const event = samplePeridioEvent('device.release-changed', {
      data: { data: { from_release: null, device: { identifier: 'SN42', tags: ['x'] } } },
    });
    expect(event.data.data.from_release).toBeNull();
    expect(event.data.data.device).toMatchObject({ identifier: 'SN42', tags: ['x'], prn: expect.stringMatching(/^prn:1:/) });
    expect(peridioEvents.parse(event).ok).toBe(true);

    const broken = samplePeridioEvent('device.connected', { data: { data: { device: { prn: undefined } } } });
    expect('prn' in broken.data.data.device).toBe(false);
    expect(peridioEvents.parse(broken)).toMatchObject({ ok: false, issues: [{ path: 'data.data.device.prn' }] });
  });

  it('does not share state between samples', () => {
    const a = samplePeridioEvent('device.updated');
    a.data.data.device.identifier = 'changed';
    expect(samplePeridioEvent('device.updated').data.data.device.identifier).toBe('SN1337');
  });

  it('refuses a name it does not know', () => {
    expect(() => samplePeridioEvent('device.exploded' as never)).toThrow(ConfigurationError);
    expect(() => samplePeridioEvent('toString' as never)).toThrow(ConfigurationError);
  });

  it('signs and verifies like a real delivery', async () => {
    const secret = '5F2D0B5C4A1E49E6B0A6C3D1E2F40718';
    const event = samplePeridioEvent('webhook.test-fire');
    const { body, headers } = await signDelivery(peridio, { secret, body: event });
    const delivery = await createVerifier(peridio, { secret }).verify({ body, headers });
    expect(delivery.id).toBe(event.prn);
    expect(peridioEvents.parseOrThrow(delivery.payload).name).toBe('webhook.test-fire');
  });
});

describe('sampleEdgeSenseEvent', () => {
  it('covers every event of the catalog', () => {
    expect([...sampleEdgeSenseEventNames]).toEqual([...edgesenseEvents.eventNames]);
  });

  it.each([...sampleEdgeSenseEventNames])('builds a valid %s that passes the replay window', async (name) => {
    const event = sampleEdgeSenseEvent(name);
    expect(edgesenseEvents.parse(event, { strict: true })).toMatchObject({ ok: true, event: { name } });
    const { body, headers } = await signDelivery(edgesense, { secret: 's', body: event });
    await expect(createVerifier(edgesense, { secret: 's' }).verify({ body, headers })).resolves.toMatchObject({ payload: event });
  });

  it('applies overrides', () => {
    const event = sampleEdgeSenseEvent('device.data', { deviceId: 'edge-9', payload: { temperature: 99.5, humidity: undefined } });
    expect(event).toMatchObject({ deviceId: 'edge-9', payload: { temperature: 99.5, pressure: 101.2 } });
    expect('humidity' in event.payload).toBe(false);
  });

  it('refuses a name it does not know', () => {
    expect(() => sampleEdgeSenseEvent('device.exploded' as never)).toThrow('edgesense has no event "device.exploded"');
  });
});
