import { describe, expect, it } from 'vitest';
import { createJobPayload, jobBodyPayload, readJobPayload } from '../../src/durable/job-payload.js';

const delivery = { sender: 'peridio', id: 'prn:1:abc:event:1', eventType: undefined, payload: { type: 'webhook', n: 1 } };

describe('createJobPayload / readJobPayload', () => {
  it('carries the key, the event name and the verified payload, survives JSON, and holds no headers or signature', () => {
    const job = createJobPayload(delivery, { name: 'webhook.test-fire' }, new Date('2026-01-01T00:00:00Z'));
    expect(job).toEqual({
      version: 1,
      sender: 'peridio',
      key: 'peridio:prn:1:abc:event:1',
      deliveryId: 'prn:1:abc:event:1',
      event: 'webhook.test-fire',
      receivedAt: '2026-01-01T00:00:00.000Z',
      body: { kind: 'json', value: { type: 'webhook', n: 1 } },
    });
    expect(readJobPayload(JSON.parse(JSON.stringify(job)))).toEqual(job);
  });

  it('keeps text and bytes payloads as they were verified, and the delivery eventType', () => {
    const bytes = new Uint8Array([0, 255, 10]);
    const fromBytes = readJobPayload(JSON.parse(JSON.stringify(createJobPayload({ ...delivery, payload: bytes, eventType: 'push' }))));
    expect(fromBytes.eventType).toBe('push');
    expect(jobBodyPayload(fromBytes.body)).toEqual(bytes);
    expect(jobBodyPayload(createJobPayload({ ...delivery, payload: 'ping' }).body)).toBe('ping');
  });

  it('refuses a delivery without an id with DedupeError missing_dedupe_key', () => {
    expect(() => createJobPayload({ ...delivery, id: undefined })).toThrow(expect.objectContaining({ name: 'DedupeError', code: 'missing_dedupe_key' }));
  });

  it.each([
    ['not an object', 'job'],
    ['another version', { ...createJobPayload(delivery), version: 2 }],
    ['a key that is not its sender and id', { ...createJobPayload(delivery), key: 'peridio:other' }],
    ['no body', { ...createJobPayload(delivery), body: undefined }],
    ['bytes that are not base64', { ...createJobPayload(delivery), body: { kind: 'bytes', base64: '***' } }],
    ['an event that is not a string', { ...createJobPayload(delivery), event: 7 }],
  ])('refuses %s with JobError invalid_job', (_, data) => {
    expect(() => readJobPayload(data)).toThrow(expect.objectContaining({ name: 'JobError', code: 'invalid_job' }));
  });
});
