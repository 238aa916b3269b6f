/**
 * `hookverify/dedupe`: process each event once, lose none. Claim a delivery's key, run the
 * handler, then complete the key (or release it when the handler failed); the in-memory store
 * and the store interface for your own.
 *
 * @module
 */
export {
  createDeduplicator,
  type DedupeKeySource,
  type Deduplicator,
  type DeduplicatorOptions,
} from './deduplicator.js';
export { createMemoryStore, type MemoryDedupeStore, type MemoryStoreOptions } from './memory-store.js';
export {
  dedupeHttpStatus,
  type DedupeHttpStatus,
  type DedupeOutcome,
  type DuplicateOutcome,
  type FailedOutcome,
  type InProgressOutcome,
  type ProcessedOutcome,
  type StoreUnavailableOutcome,
} from './outcome.js';
export type { ClaimResult, DedupeStore, MaybePromise } from './store.js';
