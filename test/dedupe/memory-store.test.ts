import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigurationError } from '../../src/core/errors.js';
import { createDeduplicator, createMemoryStore } from '../../src/dedupe/index.js';
import { runConcurrently, shuffledDeliveries } from '../helpers/concurrent-deliveries.js';

function clock(start = 1_000_000) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

describe('createMemoryStore', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('claims a free key once; a second claim sees it in progress, then completed', () => {
    const store = createMemoryStore();
    expect(store.claim('k', 't1', 1000)).toBe('claimed');
    expect(store.claim('k', 't2', 1000)).toBe('in_progress');
    expect(store.complete('k', 't1', 60_000)).toBe(true);
    expect(store.claim('k', 't3', 1000)).toBe('completed');
  });

  it('lets a later claim in once a lease expires (a crashed worker)', () => {
    const time = clock();
    const store = createMemoryStore({ now: time.now });
    expect(store.claim('k', 'crashed', 30_000)).toBe('claimed');
    time.advance(29_999);
    expect(store.claim('k', 'early', 30_000)).toBe('in_progress');
    time.advance(1);
    expect(store.claim('k', 'retry', 30_000)).toBe('claimed');
  });

  it('never lets a stale token release or complete a claim that passed to another', () => {
    const time = clock();
    const store = createMemoryStore({ now: time.now });
    store.claim('k', 'slow', 1000);
    time.advance(1000);
    expect(store.claim('k', 'fresh', 1000)).toBe('claimed');
    expect(store.release('k', 'slow')).toBe(false);
    expect(store.complete('k', 'slow', 60_000)).toBe(false);
    expect(store.claim('k', 'third', 1000)).toBe('in_progress');
    expect(store.release('k', 'fresh')).toBe(true);
    expect(store.claim('k', 'third', 1000)).toBe('claimed');
  });

  it('releases only with the token that holds the key, and not a completed key', () => {
    const store = createMemoryStore();
    store.claim('k', 'mine', 1000);
    expect(store.release('k', 'yours')).toBe(false);
    expect(store.claim('k', 'other', 1000)).toBe('in_progress');
    store.complete('k', 'mine', 60_000);
    expect(store.release('k', 'mine')).toBe(false);
    expect(store.claim('k', 'other', 1000)).toBe('completed');
    expect(store.release('absent', 'mine')).toBe(false);
  });

  it('records a completion whose lease lapsed when nobody else claimed the key', () => {
    const time = clock();
    const store = createMemoryStore({ now: time.now });
    store.claim('k', 'slow', 1000);
    time.advance(5000);
    expect(store.complete('k', 'slow', 60_000)).toBe(true);
    expect(store.claim('k', 'retry', 1000)).toBe('completed');
  });

  it('forgets a completed key when its retention expires', () => {
    const time = clock();
    const store = createMemoryStore({ now: time.now });
    store.claim('k', 't', 1000);
    store.complete('k', 't', 3_600_000);
    time.advance(3_599_999);
    expect(store.claim('k', 'u', 1000)).toBe('completed');
    time.advance(1);
    expect(store.claim('k', 'u', 1000)).toBe('claimed');
  });

  it('sweeps expired keys at the old end as new keys arrive', () => {
    const time = clock();
    const store = createMemoryStore({ now: time.now });
    for (let i = 0; i < 10; i++) store.claim(`old-${i}`, 't', 1000);
    time.advance(1000);
    for (let i = 0; i < 5; i++) store.claim(`new-${i}`, 't', 1000);
    expect(store.size).toBe(5);
  });

  it('evicts the least recently used key past maxEntries', () => {
    const store = createMemoryStore({ maxEntries: 3 });
    for (const key of ['a', 'b', 'c']) {
      store.claim(key, 't', 60_000);
      store.complete(key, 't', 60_000);
    }
    expect(store.claim('a', 'x', 1000)).toBe('completed'); // a is now the most recent
    expect(store.claim('d', 'x', 1000)).toBe('claimed'); // evicts b
    expect(store.size).toBe(3);
    expect(store.claim('a', 'x', 1000)).toBe('completed');
    expect(store.claim('c', 'x', 1000)).toBe('completed');
    expect(store.claim('b', 'x', 1000)).toBe('claimed'); // forgotten, so claimable; evicts d
    expect(store.claim('d', 'y', 1000)).toBe('claimed');
  });

  it('reuses freed slots: a release then many inserts stays within maxEntries', () => {
    const store = createMemoryStore({ maxEntries: 2000 });
    for (let i = 0; i < 10_000; i++) {
      store.claim(`k${i}`, 't', 1000);
      if (i % 2 === 0) store.release(`k${i}`, 't');
    }
    expect(store.size).toBe(2000);
    expect(store.claim('k9999', 'u', 1000)).toBe('in_progress');
    expect(store.claim('k5001', 'u', 1000)).toBe('claimed');
  });

  it('schedules no timers, so it never keeps a process alive', () => {
    vi.useFakeTimers();
    const store = createMemoryStore();
    store.claim('k', 't', 1000);
    store.complete('k', 't', 60_000);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('costs the same per operation at 10,000 and at 200,000 keys (O(1) eviction)', () => {
    function microsecondsPerOp(maxEntries: number): number {
      const store = createMemoryStore({ maxEntries });
      for (let i = 0; i < maxEntries; i++) store.claim(`warm-${i}`, 't', 60_000);
      const ops = 100_000;
      const started = performance.now();
      // Every claim evicts: the churn that made a Map-order LRU cost O(size) per operation.
      for (let i = 0; i < ops; i++) store.claim(`churn-${maxEntries}-${i}`, 't', 60_000);
      return ((performance.now() - started) * 1000) / ops;
    }
    microsecondsPerOp(10_000); // warm up the JIT
    const small = microsecondsPerOp(10_000);
    const large = microsecondsPerOp(200_000);
    expect(large).toBeLessThan(Math.max(small * 5, 2));
  });

  it('refuses a maxEntries that cannot work', () => {
    expect(() => createMemoryStore({ maxEntries: 0 })).toThrow(ConfigurationError);
    expect(() => createMemoryStore({ maxEntries: 1.5 })).toThrow(/maxEntries/);
  });

  it('runs the handler exactly once per event for 1,000 concurrent deliveries of 100 events', async () => {
    const dedupe = createDeduplicator({ store: createMemoryStore() });
    const { calls, statuses } = await runConcurrently(dedupe, shuffledDeliveries(100, 1000));
    expect(calls.size).toBe(100);
    expect([...calls.values()].every((count) => count === 1)).toBe(true);
    expect(statuses.processed).toBe(100);
    expect((statuses.duplicate ?? 0) + (statuses.in_progress ?? 0)).toBe(900);
  });
});
