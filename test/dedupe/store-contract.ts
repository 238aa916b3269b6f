// What every shared DedupeStore must do, run against each real store (Redis, PostgreSQL): the
// claim/complete/release rules of src/dedupe/store.ts, with real lease and retention expiry,
// and one winner among concurrent claims.
import { expect, it } from 'vitest';
import { createDeduplicator, type DedupeStore } from '../../src/dedupe/index.js';
import { runConcurrently, shuffledDeliveries } from '../helpers/concurrent-deliveries.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let keyNumber = 0;
/** A key of its own for each test, so tests sharing a server never see each other's keys. */
export const freshKey = () => `key-${++keyNumber}-${Math.random().toString(36).slice(2)}`;

/** Registers the contract's tests in the current describe block; `store()` is called inside each test. */
export function storeContract(store: () => DedupeStore): void {
  it('claims, sees in-progress, completes and then sees completed', async () => {
    const key = freshKey();
    expect(await store().claim(key, 't1', 5000)).toBe('claimed');
    expect(await store().claim(key, 't2', 5000)).toBe('in_progress');
    expect(await store().complete(key, 't1', 60_000)).toBe(true);
    expect(await store().claim(key, 't3', 5000)).toBe('completed');
  });

  it('lets a later claim in once a lease expires (a crashed worker)', async () => {
    const key = freshKey();
    expect(await store().claim(key, 'crashed', 100)).toBe('claimed');
    expect(await store().claim(key, 'early', 100)).toBe('in_progress');
    await sleep(150);
    expect(await store().claim(key, 'retry', 5000)).toBe('claimed');
  });

  it('never lets a stale token release or complete a claim that passed to another', async () => {
    const key = freshKey();
    await store().claim(key, 'slow', 100);
    await sleep(150);
    expect(await store().claim(key, 'fresh', 5000)).toBe('claimed');
    expect(await store().release(key, 'slow')).toBe(false);
    expect(await store().complete(key, 'slow', 60_000)).toBe(false);
    expect(await store().claim(key, 'third', 5000)).toBe('in_progress');
    expect(await store().release(key, 'fresh')).toBe(true);
    expect(await store().claim(key, 'third', 5000)).toBe('claimed');
  });

  it('does not release a completed key', async () => {
    const key = freshKey();
    await store().claim(key, 't', 5000);
    await store().complete(key, 't', 60_000);
    expect(await store().release(key, 't')).toBe(false);
    expect(await store().claim(key, 'u', 5000)).toBe('completed');
  });

  it('records a completion whose lease lapsed when nobody else claimed the key', async () => {
    const key = freshKey();
    await store().claim(key, 'slow', 50);
    await sleep(100);
    expect(await store().complete(key, 'slow', 60_000)).toBe(true);
    expect(await store().claim(key, 'retry', 5000)).toBe('completed');
  });

  it('answers true to a second completion, and leaves the first one as it was', async () => {
    const key = freshKey();
    await store().claim(key, 't', 5000);
    expect(await store().complete(key, 't', 150)).toBe(true);
    expect(await store().complete(key, 'other', 60_000)).toBe(true);
    await sleep(200);
    expect(await store().claim(key, 'u', 5000)).toBe('claimed');
  });

  it('forgets a completed key when its retention expires', async () => {
    const key = freshKey();
    await store().claim(key, 't', 5000);
    await store().complete(key, 't', 150);
    expect(await store().claim(key, 'u', 5000)).toBe('completed');
    await sleep(200);
    expect(await store().claim(key, 'u', 5000)).toBe('claimed');
  });

  it('runs the handler exactly once per event for 1,000 concurrent deliveries of 100 events', async () => {
    // 1,000 at once queue for a pool's few connections: the default 2 s store timeout is not what is tested.
    const dedupe = createDeduplicator({ store: store(), storeTimeout: '30s' });
    const sender = freshKey();
    const { calls, statuses } = await runConcurrently(dedupe, shuffledDeliveries(100, 1000), sender);
    expect(calls.size).toBe(100);
    expect([...calls.values()].every((count) => count === 1)).toBe(true);
    expect(statuses.processed).toBe(100);
    expect((statuses.duplicate ?? 0) + (statuses.in_progress ?? 0)).toBe(900);
  });
}
