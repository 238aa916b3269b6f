import { describe, expect, it, vi } from 'vitest';
import { ConfigurationError, DedupeError } from '../../src/core/errors.js';
import { defineSender } from '../../src/core/sender.js';
import {
  createDeduplicator,
  createMemoryStore,
  dedupeHttpStatus,
  type ClaimResult,
  type DedupeOutcome,
  type DedupeStore,
  type DeduplicatorOptions,
} from '../../src/dedupe/index.js';
import { edgesense } from '../../src/senders/edgesense/index.js';
import { peridio } from '../../src/senders/peridio/index.js';

const DAY = 86_400_000;
const delivery = { sender: 'peridio', id: 'prn:1:4e33149b-637d-4679-b64f-4905e7a0cf8c:event:e1' };

/** A store that records every call and delegates to a memory store. */
function recordingStore(inner: DedupeStore = createMemoryStore()) {
  const calls: { op: string; args: unknown[] }[] = [];
  const store: DedupeStore = {
    claim: (...args) => (calls.push({ op: 'claim', args }), inner.claim(...args)),
    complete: (...args) => (calls.push({ op: 'complete', args }), inner.complete(...args)),
    release: (...args) => (calls.push({ op: 'release', args }), inner.release(...args)),
  };
  return { store, calls };
}

function brokenStore(failure: 'claim' | 'complete' | 'release', how: 'throw' | 'hang' = 'throw'): DedupeStore {
  const inner = createMemoryStore();
  const fail = (): Promise<never> =>
    how === 'hang' ? new Promise<never>(() => {}) : Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379'));
  return {
    claim: (key, token, lease) => (failure === 'claim' ? fail() : inner.claim(key, token, lease)),
    complete: (key, token, ms) => (failure === 'complete' ? fail() : inner.complete(key, token, ms)),
    release: (key, token) => (failure === 'release' ? fail() : inner.release(key, token)),
  };
}

describe('createDeduplicator', () => {
  it('processes the first delivery and acknowledges a duplicate without calling the handler', async () => {
    const dedupe = createDeduplicator();
    const handler = vi.fn(async () => 'saved');
    const first = await dedupe.run(delivery, handler);
    const second = await dedupe.run(delivery, handler);
    expect(first).toEqual({ status: 'processed', key: `peridio:${delivery.id}`, result: 'saved', recorded: true });
    expect(second).toEqual({ status: 'duplicate', key: `peridio:${delivery.id}` });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('answers in_progress to a duplicate that arrives while the first is being handled', async () => {
    const dedupe = createDeduplicator();
    let finish!: () => void;
    const first = dedupe.run(delivery, () => new Promise<void>((resolve) => (finish = resolve)));
    await Promise.resolve();
    const handler = vi.fn();
    const second = await dedupe.run(delivery, handler);
    expect(second.status).toBe('in_progress');
    expect(handler).not.toHaveBeenCalled();
    finish();
    expect((await first).status).toBe('processed');
  });

  it('releases the key when the handler fails, so the retry is processed', async () => {
    const dedupe = createDeduplicator();
    const boom = new Error('database down');
    const failed = await dedupe.run(delivery, () => {
      throw boom;
    });
    expect(failed).toMatchObject({ status: 'failed', error: boom, released: true });
    const retried = await dedupe.run(delivery, async () => 'ok');
    expect(retried).toMatchObject({ status: 'processed', result: 'ok', recorded: true });
  });

  it('keys a delivery by sender and id, and passes the store nothing else', async () => {
    const { store, calls } = recordingStore();
    const dedupe = createDeduplicator({ store, lease: '10s', retention: '1h' });
    const secretish = { ...delivery, matchedSecret: { index: 0, label: 'current' }, payload: { secret: 'do-not-leak' } };
    await dedupe.run(secretish, () => undefined);
    expect(calls.map((call) => call.op)).toEqual(['claim', 'complete']);
    const [key, token, lease] = calls[0]!.args as [string, string, number];
    expect(key).toBe(`peridio:${delivery.id}`);
    expect(token).toMatch(/^[0-9a-f-]{36}$/);
    expect(lease).toBe(10_000);
    expect(calls[1]!.args).toEqual([key, token, 3_600_000]);
    expect(JSON.stringify(calls)).not.toContain('do-not-leak');
  });

  it('keeps senders apart in one store, and uses a string key as given', async () => {
    const dedupe = createDeduplicator();
    expect((await dedupe.run({ sender: 'a', id: '1' }, () => 1)).status).toBe('processed');
    expect((await dedupe.run({ sender: 'b', id: '1' }, () => 1)).status).toBe('processed');
    expect((await dedupe.run('a:1', () => 1)).status).toBe('duplicate');
  });

  it('uses a new token for every claim', async () => {
    const { store, calls } = recordingStore();
    const dedupe = createDeduplicator({ store });
    await dedupe.run('x', () => 1);
    await dedupe.run('y', () => 1);
    expect(calls[0]!.args[1]).not.toBe(calls[2]!.args[1]);
  });

  it.each([
    ['a delivery without id', { sender: 'custom', id: undefined }, /custom delivery has no id/],
    ['a delivery with an empty id', { sender: 'custom', id: '' }, /no id/],
    ['an empty key', '', /empty/],
  ])('rejects %s with missing_dedupe_key and calls nothing', async (_name, source, message) => {
    const handler = vi.fn();
    const error = await createDeduplicator()
      .run(source, handler)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DedupeError);
    expect(error).toMatchObject({ code: 'missing_dedupe_key' });
    expect((error as Error).message).toMatch(message);
    expect(handler).not.toHaveBeenCalled();
  });

  describe('when the store is unavailable', () => {
    it('fails closed by default: store_unavailable, nothing processed', async () => {
      const handler = vi.fn();
      const outcome = await createDeduplicator({ store: brokenStore('claim') }).run(delivery, handler);
      expect(outcome.status).toBe('store_unavailable');
      expect(handler).not.toHaveBeenCalled();
      if (outcome.status !== 'store_unavailable') throw new Error('unreachable');
      expect(outcome.error).toBeInstanceOf(DedupeError);
      expect(outcome.error.code).toBe('store_unavailable');
      expect((outcome.error.cause as Error).message).toContain('ECONNREFUSED');
      expect(dedupeHttpStatus(outcome)).toBe(503);
    });

    it('treats a store that does not answer within storeTimeout as unavailable', async () => {
      const handler = vi.fn();
      const started = Date.now();
      const outcome = await createDeduplicator({ store: brokenStore('claim', 'hang'), storeTimeout: '50ms' }).run(delivery, handler);
      expect(outcome.status).toBe('store_unavailable');
      expect(Date.now() - started).toBeLessThan(1000);
      expect(handler).not.toHaveBeenCalled();
    });

    it('fails open when asked: the handler runs unguarded and the outcome says so', async () => {
      const handler = vi.fn(() => 'done');
      const outcome = await createDeduplicator({ store: brokenStore('claim'), onStoreError: 'fail-open' }).run(delivery, handler);
      expect(outcome).toMatchObject({ status: 'processed', result: 'done', recorded: false });
      expect(outcome.status === 'processed' && (outcome.storeError as Error).message).toContain('ECONNREFUSED');
      expect(handler).toHaveBeenCalledTimes(1);
    });

    it('reports a processed event whose completion could not be recorded', async () => {
      const outcome = await createDeduplicator({ store: brokenStore('complete') }).run(delivery, () => 7);
      expect(outcome).toMatchObject({ status: 'processed', result: 7, recorded: false });
      expect(dedupeHttpStatus(outcome)).toBe(200);
    });

    it('reports a failure whose release could not be made (the lease expires instead)', async () => {
      const outcome = await createDeduplicator({ store: brokenStore('release') }).run(delivery, () => {
        throw new Error('nope');
      });
      expect(outcome).toMatchObject({ status: 'failed', released: false });
    });

    it('treats an answer outside the interface as unavailable', async () => {
      const store: DedupeStore = { claim: () => 'OK' as ClaimResult, complete: () => true, release: () => true };
      const handler = vi.fn();
      expect((await createDeduplicator({ store }).run(delivery, handler)).status).toBe('store_unavailable');
      expect(handler).not.toHaveBeenCalled();
    });
  });

  it('does not record a completion when the lease passed to another worker', async () => {
    let now = 0;
    const store = createMemoryStore({ now: () => now });
    const dedupe = createDeduplicator({ store, lease: '1s' });
    let letSecondFinish!: () => void;
    let second: Promise<DedupeOutcome> | undefined;
    const slow = await dedupe.run(delivery, async () => {
      now += 1500; // outlives its lease: a retry gets in and is still running when this one ends
      second = dedupe.run(delivery, () => new Promise<void>((resolve) => (letSecondFinish = resolve)));
      await Promise.resolve();
    });
    expect(slow).toMatchObject({ status: 'processed', recorded: false });
    letSecondFinish();
    expect(await second).toMatchObject({ status: 'processed', recorded: true });
    expect((await dedupe.run(delivery, () => 0)).status).toBe('duplicate');
  });

  describe('retention', () => {
    async function retentionOf(retention?: Parameters<typeof createDeduplicator>[0]): Promise<number> {
      const { store, calls } = recordingStore();
      await createDeduplicator({ ...retention, store }).run('k', () => undefined);
      return calls.find((call) => call.op === 'complete')!.args[2] as number;
    }

    it('is a sender retry horizon plus a day: over 3 days for Peridio', async () => {
      expect(await retentionOf({ retention: peridio })).toBe(4 * DAY);
      expect(await retentionOf({ retention: edgesense })).toBe(2 * DAY);
    });

    it('is 4 days by default or for a sender without horizon, and a duration as given', async () => {
      const custom = defineSender({ name: 'custom', signature: { header: 'x-sig', encoding: 'hex' }, signedContent: '{body}', secretEncoding: 'utf8' });
      expect(await retentionOf()).toBe(4 * DAY);
      expect(await retentionOf({ retention: custom })).toBe(4 * DAY);
      expect(await retentionOf({ retention: '10m' })).toBe(600_000);
      expect(await retentionOf({ retention: 90 })).toBe(90_000);
    });
  });

  it.each([
    [{ lease: 0 }, /lease/],
    [{ lease: '5s', retention: '1s' }, /retention must be at least/],
    [{ storeTimeout: '-1s' as never }, /storeTimeout/],
    [{ onStoreError: 'ignore' as never }, /onStoreError/],
    [{ retention: 'forever' as never }, /retention/],
  ] as [DeduplicatorOptions, RegExp][])('refuses options that cannot work: %o', (options, message) => {
    expect(() => createDeduplicator(options)).toThrow(ConfigurationError);
    expect(() => createDeduplicator(options)).toThrow(message);
  });
});

describe('dedupeHttpStatus', () => {
  it.each([
    [{ status: 'processed', key: 'k', result: 1, recorded: true }, 200],
    [{ status: 'duplicate', key: 'k' }, 200],
    [{ status: 'in_progress', key: 'k' }, 409],
    [{ status: 'failed', key: 'k', error: new Error(), released: true }, 500],
    [{ status: 'store_unavailable', key: 'k', error: new DedupeError('store_unavailable', 'x') }, 503],
  ] as [DedupeOutcome, number][])('maps %o to %i', (outcome, status) => {
    expect(dedupeHttpStatus(outcome)).toBe(status);
  });
});
