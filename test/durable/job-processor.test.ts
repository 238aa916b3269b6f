import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { DedupeStore } from '../../src/dedupe/index.js';
import { createMemoryStore } from '../../src/dedupe/index.js';
import { createJobPayload } from '../../src/durable/job-payload.js';
import { createJobProcessor, type JobContext } from '../../src/durable/job-processor.js';
import { createRouter } from '../../src/events/create-router.js';
import { defineCatalog } from '../../src/events/define-catalog.js';

const shipments = defineCatalog({
  name: 'shipper',
  eventType: 'event',
  events: {
    'shipment.created': z.looseObject({ event: z.literal('shipment.created'), data: z.looseObject({ id: z.string() }) }),
  },
});

function jobOf(payload: unknown, id = 'evt_1') {
  return JSON.parse(JSON.stringify(createJobPayload({ sender: 'shipper', id, eventType: undefined, payload }))) as unknown;
}
const created = (id = 's1') => ({ event: 'shipment.created', data: { id } });
const first = { attempt: 1, attempts: 3 };

describe('createJobProcessor', () => {
  it('runs the same router with the typed event, and records the completion so a rerun is a duplicate', async () => {
    const seen: [string, string, number][] = [];
    const store = createMemoryStore();
    const processor = createJobProcessor({
      events: shipments,
      store,
      handle: createRouter<typeof shipments.events, JobContext>(shipments, {
        'shipment.created': (event, { job, attempt }) => {
          seen.push([event.payload.data.id, job.deliveryId, attempt]);
        },
      }),
    });
    expect(await processor.process(jobOf(created()), first)).toEqual({ status: 'done', key: 'shipper:evt_1', handled: true, recorded: true });
    expect(await processor.process(jobOf(created()), { attempt: 1, attempts: 3 })).toEqual({ status: 'duplicate', key: 'shipper:evt_1' });
    expect(seen).toEqual([['s1', 'evt_1', 1]]);
  });

  it('releases the claim when the handler throws: retry while attempts remain, dead letter on the last', async () => {
    let calls = 0;
    const processor = createJobProcessor({
      store: createMemoryStore(),
      handle: () => {
        calls++;
        throw new Error('downstream down');
      },
    });
    const retry = await processor.process(jobOf(created()), first);
    expect(retry).toMatchObject({ status: 'retry', key: 'shipper:evt_1', error: expect.objectContaining({ message: 'downstream down' }) });
    // Released: the next attempt runs the handler again rather than seeing in_progress.
    const last = await processor.process(jobOf(created()), { attempt: 3, attempts: 3 });
    expect(last).toMatchObject({ status: 'dead_letter', reason: 'attempts_exhausted', key: 'shipper:evt_1' });
    expect(calls).toBe(2);
  });

  it('postpones, without running, a job another run holds, and one whose store is down', async () => {
    const store = createMemoryStore();
    await store.claim('shipper:evt_1', 'another-worker', 60_000);
    let calls = 0;
    const handle = () => void calls++;
    expect(await createJobProcessor({ store, handle }).process(jobOf(created()), first)).toEqual({
      status: 'postponed',
      key: 'shipper:evt_1',
      reason: 'in_progress',
    });
    const down: DedupeStore = {
      claim: () => Promise.reject(new Error('ECONNREFUSED')),
      complete: () => Promise.reject(new Error('ECONNREFUSED')),
      release: () => Promise.reject(new Error('ECONNREFUSED')),
    };
    expect(await createJobProcessor({ store: down, handle }).process(jobOf(created()), first)).toMatchObject({
      status: 'postponed',
      reason: 'store_unavailable',
      error: expect.objectContaining({ code: 'store_unavailable' }),
    });
    expect(calls).toBe(0);
  });

  it('dead-letters without running data that is not a job, and a payload its catalog now refuses', async () => {
    let calls = 0;
    const processor = createJobProcessor({ events: shipments, handle: () => void calls++ });
    expect(await processor.process({ hello: 'world' }, first)).toMatchObject({
      status: 'dead_letter',
      reason: 'invalid_job',
      key: undefined,
      error: expect.objectContaining({ code: 'invalid_job' }),
    });
    expect(await processor.process(jobOf({ event: 'shipment.created', data: {} }), first)).toMatchObject({
      status: 'dead_letter',
      reason: 'invalid_event',
      key: 'shipper:evt_1',
    });
    expect(calls).toBe(0);
  });

  it('acknowledges, as not handled, an event no handler takes; without a store every run runs', async () => {
    const router = createRouter(shipments, {});
    expect(await createJobProcessor({ events: shipments, handle: router }).process(jobOf(created()), first)).toEqual({
      status: 'done',
      key: 'shipper:evt_1',
      handled: false,
      recorded: false,
    });
    let calls = 0;
    const processor = createJobProcessor({ handle: () => void calls++ });
    await processor.process(jobOf(created()), first);
    await processor.process(jobOf(created()), first);
    expect(calls).toBe(2);
  });

  it('refuses a handle that is neither a function nor a router', () => {
    expect(() => createJobProcessor({ handle: {} as never })).toThrow(expect.objectContaining({ code: 'invalid_option' }));
  });
});
