import { describe, expect, it } from 'vitest';
import { edgesenseEvents } from '../../../../src/senders/edgesense/events/index.js';

type Json = Record<string, unknown>;

// The guide's example with its JSON repaired as other-senders.md describes its intent.
const guideExample = {
  event: 'device.data',
  timestamp: '2025-07-24T10:35:17Z',
  deviceId: 'edge-node-321',
  payload: { temperature: 75.3, humidity: 42.5, pressure: 101.2 },
};

const envelope = (event: string, payload: unknown): Json => ({ event, timestamp: '2025-07-24T10:35:17Z', deviceId: 'edge-node-321', payload });

describe('EdgeSense catalog', () => {
  it('parses the guide example unchanged', () => {
    expect(edgesenseEvents.parse(guideExample)).toEqual({ ok: true, event: { name: 'device.data', payload: guideExample, unknown: false } });
  });

  it.each([
    ['device.data', { temperature: -4, vibration: 0.02 }],
    ['device.data', {}],
    ['device.alert', { metric: 'temperature', value: 91.4, threshold: 90, severity: 'high' }],
    ['device.alert', {}],
    ['device.status', { status: 'offline', lastSeen: '2025-07-24T10:30:00Z' }],
    ['config.update', { config: { sampleIntervalSeconds: 60 }, version: 7 }],
  ])('%s parses with payload %j, every member kept', (name, payload) => {
    const input = { ...envelope(name, payload), webhookId: 'wh_68f93jkdf' };
    expect(edgesenseEvents.parse(input)).toEqual({ ok: true, event: { name, payload: input, unknown: false } });
  });

  it('drops a __proto__ member of the envelope and of the payload, keeping the others', () => {
    const sent = JSON.parse(
      JSON.stringify(envelope('device.alert', { severity: 'high' }))
        .replace('{', '{"__proto__":{"polluted":true},"webhookId":"wh_1",')
        .replace('"payload":{', '"payload":{"__proto__":{"polluted":true},'),
    ) as Json;
    const result = edgesenseEvents.parse(sent);
    if (!result.ok) throw new Error(result.message);
    const parsed = result.event.payload as unknown as Json;
    for (const object of [parsed, parsed.payload as Json]) {
      expect(Object.hasOwn(object, '__proto__')).toBe(false);
      expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
    }
    expect(parsed).toEqual({ ...envelope('device.alert', { severity: 'high' }), webhookId: 'wh_1' });
  });

  it('keeps the signature member the guide example shows inside the body', () => {
    const input = { ...guideExample, payload: { ...guideExample.payload, signature: 'HMAC-SHA256-encoded-string' } };
    expect(edgesenseEvents.parse(input)).toMatchObject({ ok: true, event: { payload: input } });
  });

  it.each([
    ['deviceId', (e: Json) => delete e.deviceId],
    ['timestamp', (e: Json) => delete e.timestamp],
    ['payload', (e: Json) => delete e.payload],
    ['timestamp', (e: Json) => (e.timestamp = '24/07/2025 10:35')],
    ['deviceId', (e: Json) => (e.deviceId = '')],
    ['payload.temperature', (e: Json) => ((e.payload as Json).temperature = '75.3')],
    ['payload', (e: Json) => (e.payload = [1, 2])],
  ])('refuses a bad %s, naming it', (path, edit) => {
    const input = structuredClone(guideExample) as Json;
    edit(input);
    const result = edgesenseEvents.parse(input);
    expect(result).toMatchObject({ ok: false, code: 'invalid_event', name: 'device.data' });
    expect(!result.ok && result.issues[0]!.path).toBe(path);
    expect(!result.ok && result.message).toContain(`edgesense device.data: ${path}: `);
  });

  it.each(['device.alert', 'device.status', 'config.update'])('refuses %s without its envelope members', (name) => {
    const result = edgesenseEvents.parse({ event: name });
    expect(!result.ok && result.issues.map((issue) => issue.path)).toEqual(['timestamp', 'deviceId', 'payload']);
  });

  it('returns an event type EdgeSense adds later as unknown, and refuses it when strict', () => {
    const input = envelope('device.rebooted', {});
    expect(edgesenseEvents.parse(input)).toEqual({ ok: true, event: { name: 'device.rebooted', payload: input, unknown: true } });
    expect(edgesenseEvents.parse(input, { strict: true })).toMatchObject({ ok: false, code: 'unknown_event' });
  });

  it('refuses a body without an event member', () => {
    expect(edgesenseEvents.parse({ payload: {} })).toMatchObject({ ok: false, code: 'invalid_event', issues: [{ path: 'event' }] });
  });

  it('belongs to the EdgeSense sender', () => {
    expect(edgesenseEvents.sender?.name).toBe('edgesense');
    expect(edgesenseEvents.eventNames).toEqual(['device.data', 'device.alert', 'device.status', 'config.update']);
  });
});
