// The defaults docs/dedupe.md prints, as its numbers, from both sides: the other tests use the
// constants or pass their own values, so they would pass if a default changed.
import { describe, expect, it, vi } from 'vitest';
import { createDeduplicator, createMemoryStore, type DedupeStore } from '../../src/dedupe/index.js';
import { edgesense } from '../../src/senders/edgesense/sender.js';
import { peridio } from '../../src/senders/peridio/sender.js';

const DAY = 86_400_000;

/** A memory store that records the lease and retention the deduplicator asks for. */
function recording() {
  const inner = createMemoryStore();
  const asked = { leaseMs: [] as number[], retentionMs: [] as number[] };
  const store: DedupeStore = {
    claim: (key, token, leaseMs) => (asked.leaseMs.push(leaseMs), inner.claim(key, token, leaseMs)),
    complete: (key, token, retentionMs) => (asked.retentionMs.push(retentionMs), inner.complete(key, token, retentionMs)),
    release: (key, token) => inner.release(key, token),
  };
  return { store, asked };
}

describe('docs/dedupe.md defaults', () => {
  it('lease "30s": a claim holds its key for 30,000 ms', async () => {
    const { store, asked } = recording();
    await createDeduplicator({ store }).run('k', () => {});
    expect(asked.leaseMs).toEqual([30_000]);
  });

  it.each([
    ['no retention', 4 * DAY, undefined],
    ['retention: peridio (3 days + 1)', 4 * DAY, peridio],
    ['retention: edgesense (1 day + 1)', 2 * DAY, edgesense],
  ])('%s: a completed key is remembered %d ms', async (_label, expected, retention) => {
    const { store, asked } = recording();
    await createDeduplicator({ store, ...(retention ? { retention } : {}) }).run('k', () => {});
    expect(asked.retentionMs).toEqual([expected]);
  });

  it('storeTimeout "2s": a store that does not answer is still awaited at 1,999 ms, unavailable at 2,000 ms', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const hanging: DedupeStore = { claim: () => new Promise(() => {}), complete: () => true, release: () => true };
      let outcome: string | undefined;
      void createDeduplicator({ store: hanging })
        .run('k', () => {})
        .then((result) => (outcome = result.status));
      await vi.advanceTimersByTimeAsync(1_999);
      expect(outcome).toBeUndefined();
      await vi.advanceTimersByTimeAsync(1);
      expect(outcome).toBe('store_unavailable');
    } finally {
      vi.useRealTimers();
    }
  });

  it('maxEntries 100,000: the memory store holds 100,000 keys and the next one evicts the least recently used', () => {
    const store = createMemoryStore();
    for (let i = 0; i < 100_000; i++) store.claim(`k${i}`, 't', 60_000);
    expect(store.size).toBe(100_000);
    // Still held (the first key inserted); asking touches it, so k1 becomes the oldest.
    expect(store.claim('k0', 'other', 60_000)).toBe('in_progress');
    store.claim('k100000', 't', 60_000);
    expect(store.size).toBe(100_000);
    expect(store.claim('k1', 'other', 60_000)).toBe('claimed');
  });
});
