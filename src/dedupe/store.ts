/**
 * What a store answers to a claim.
 *
 * - `claimed`: the key was free (never seen, released, or its lease or retention expired); it is
 *   now held by the caller's token for the lease.
 * - `in_progress`: another claim holds the key and its lease has not expired.
 * - `completed`: the key was completed and is still remembered.
 *
 * @example
 * ```ts
 * import type { ClaimResult } from 'hookverify/dedupe';
 *
 * const result: ClaimResult = await store.claim(key, token, leaseMs);
 * if (result === 'claimed') await handle();
 * ```
 */
export type ClaimResult = 'claimed' | 'in_progress' | 'completed';

/**
 * A value or a promise of it: the in-memory store answers synchronously so the common path
 * allocates no promise; network stores return promises.
 *
 * @example
 * ```ts
 * import type { MaybePromise } from 'hookverify/dedupe';
 *
 * // A store method may answer at once or later.
 * const release = (key: string, token: string): MaybePromise<void> => pool.query('delete from claims where key = $1 and token = $2', [key, token]).then(() => undefined);
 * ```
 */
export type MaybePromise<T> = T | Promise<T>;

/**
 * The three operations dedupe needs from a store. Implement it to keep dedupe state anywhere
 * (`hookverify/postgres` ships one for PostgreSQL). A store sees only keys (sender name and
 * delivery id) and random tokens: never a secret, never a body.
 *
 * Each operation must be atomic with respect to the others on the same key.
 *
 * @example
 * ```ts
 * import type { ClaimResult, DedupeStore } from 'hookverify/dedupe';
 *
 * // A store that logs around another one.
 * function logged(inner: DedupeStore): DedupeStore {
 *   return {
 *     async claim(key, token, leaseMs): Promise<ClaimResult> {
 *       const result = await inner.claim(key, token, leaseMs);
 *       console.debug('claim', key, result);
 *       return result;
 *     },
 *     complete: (key, token, retentionMs) => inner.complete(key, token, retentionMs),
 *     release: (key, token) => inner.release(key, token),
 *   };
 * }
 * ```
 */
export interface DedupeStore {
  /**
   * If `key` is free, hold it with `token` for `leaseMs` milliseconds and answer `claimed`;
   * otherwise say whether it is `in_progress` or `completed`. An expired lease or an expired
   * completion counts as free.
   */
  claim(key: string, token: string, leaseMs: number): MaybePromise<ClaimResult>;
  /**
   * Remember `key` as completed for `retentionMs` milliseconds, unless another token holds a
   * live claim on it. Answer `true` when the key is now remembered as completed (also when it
   * already was, or when the caller's lease had lapsed and nobody else claimed it), `false`
   * when another claim holds it.
   */
  complete(key: string, token: string, retentionMs: number): MaybePromise<boolean>;
  /**
   * Forget `key` only if `token` still holds it, so the sender's retry is processed; answer
   * whether it did. A claim that has passed to another token is left alone.
   */
  release(key: string, token: string): MaybePromise<boolean>;
}
