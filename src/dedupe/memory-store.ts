import { ConfigurationError } from '../core/errors.js';
import { LruSlots } from './lru-slots.js';
import type { ClaimResult, DedupeStore } from './store.js';

/**
 * Options of {@link createMemoryStore}.
 *
 * @example
 * ```ts
 * import { createMemoryStore, type MemoryStoreOptions } from 'hookverify/dedupe';
 *
 * const options: MemoryStoreOptions = { maxEntries: 500_000 };
 * const store = createMemoryStore(options);
 * ```
 */
export interface MemoryStoreOptions {
  /**
   * Most keys remembered at once; past it the least recently used key is forgotten. Size it to
   * the events you receive in one retention period: a completed key forgotten early is
   * processed again if the sender redelivers it. About 170 bytes per Peridio event key
   * (see bench/results/dedupe-memory.json). Default 100,000.
   */
  readonly maxEntries?: number;
  /** The current time in milliseconds, for tests. Default `Date.now`. */
  readonly now?: () => number;
}

/**
 * The in-memory store, with its size for monitoring.
 *
 * @example
 * ```ts
 * import { createMemoryStore, type MemoryDedupeStore } from 'hookverify/dedupe';
 *
 * const store: MemoryDedupeStore = createMemoryStore();
 * setInterval(() => metrics.gauge('dedupe.keys', store.size), 60_000);
 * ```
 */
export interface MemoryDedupeStore extends DedupeStore {
  /** Keys held, including expired ones not yet swept. */
  readonly size: number;
}

const DEFAULT_MAX_ENTRIES = 100_000;
// Expired entries at the old end are swept a few at a time on each write: constant work per
// operation, and no timer that would keep the process alive.
const SWEEP_PER_WRITE = 2;

/**
 * A bounded in-memory store: every operation is O(1), the least recently used key is evicted
 * past `maxEntries`, and expiry is checked when a key is touched (no timers). Dedupes within
 * one process only; behind a load balancer use a shared store such as `hookverify/redis`.
 *
 * @example
 * ```ts
 * import { createDeduplicator, createMemoryStore } from 'hookverify/dedupe';
 *
 * const dedupe = createDeduplicator({ store: createMemoryStore({ maxEntries: 500_000 }) });
 * ```
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): MemoryDedupeStore {
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new ConfigurationError('invalid_option', 'maxEntries must be a positive whole number');
  }
  const now = options.now ?? Date.now;
  const slots = new LruSlots(maxEntries);

  /** The slot of key's live entry, or -1 after dropping an expired one. */
  function live(key: string, at: number): number {
    const slot = slots.find(key);
    if (slot === -1 || slots.expiry(slot) > at) return slot;
    slots.remove(slot);
    return -1;
  }

  function sweep(at: number): void {
    for (let i = 0; i < SWEEP_PER_WRITE; i++) {
      const oldest = slots.oldest();
      if (oldest === -1 || slots.expiry(oldest) > at) return;
      slots.remove(oldest);
    }
  }

  return {
    get size() {
      return slots.size;
    },
    claim(key: string, token: string, leaseMs: number): ClaimResult {
      const at = now();
      const slot = live(key, at);
      if (slot !== -1) {
        slots.touch(slot);
        return slots.token(slot) === undefined ? 'completed' : 'in_progress';
      }
      sweep(at);
      slots.insert(key, token, at + leaseMs);
      return 'claimed';
    },
    complete(key: string, token: string, retentionMs: number): boolean {
      const at = now();
      const slot = live(key, at);
      if (slot === -1) {
        // The lease lapsed but nobody else claimed the key: the event was processed all the same.
        sweep(at);
        slots.insert(key, undefined, at + retentionMs);
        return true;
      }
      const held = slots.token(slot);
      if (held === undefined) return true;
      if (held !== token) return false;
      slots.update(slot, undefined, at + retentionMs);
      return true;
    },
    release(key: string, token: string): boolean {
      const slot = live(key, now());
      if (slot === -1 || slots.token(slot) !== token) return false;
      slots.remove(slot);
      return true;
    },
  };
}
