import type { Duration } from '../core/duration.js';
import { ConfigurationError, DedupeError } from '../core/errors.js';
import type { Sender } from '../core/sender.js';
import { dedupeKeyOf, type DedupeKeySource } from './dedupe-key.js';
import { createMemoryStore } from './memory-store.js';
import type { DedupeOutcome } from './outcome.js';
import { withStoreTimeout } from './store-timeout.js';
import type { ClaimResult, DedupeStore, MaybePromise } from './store.js';
import { dedupeTimings } from './timings.js';

export type { DedupeKeySource } from './dedupe-key.js';

/**
 * Options of {@link createDeduplicator}.
 *
 * @example
 * ```ts
 * import { createDeduplicator, createMemoryStore, type DeduplicatorOptions } from 'hookverify/dedupe';
 * import { peridio } from 'hookverify/peridio';
 *
 * const options: DeduplicatorOptions = { store: createMemoryStore(), lease: '2m', retention: peridio, onStoreError: 'fail-closed' };
 * const dedupe = createDeduplicator(options);
 * ```
 */
export interface DeduplicatorOptions {
  /** Where claims and completed keys live. Default: a new {@link createMemoryStore} (one process only). */
  readonly store?: DedupeStore;
  /**
   * How long a claim holds a key while its handler runs. Short, so that when a worker crashes
   * mid-handler the sender's next retry gets in; longer than your slowest handler, or a retry
   * may run concurrently with it. Default `"30s"`.
   */
  readonly lease?: Duration;
  /**
   * How long a completed key is remembered: a duration, or a sender, meaning its
   * `retryHorizon` plus one day (Peridio: 4 days). Default 4 days (Peridio's horizon plus one day,
   * the longest of the built-in senders).
   */
  readonly retention?: Duration | Sender;
  /**
   * What to do when the store fails or does not answer within `storeTimeout`.
   * `"fail-closed"` (default): process nothing and answer `store_unavailable` (503), so the
   * sender retries. `"fail-open"`: run the handler without protection; a redelivery during
   * the outage is processed again.
   */
  readonly onStoreError?: 'fail-closed' | 'fail-open';
  /**
   * How long to wait for each store operation before treating the store as unavailable.
   * Clients such as ioredis queue commands while disconnected rather than failing. Default `"2s"`.
   */
  readonly storeTimeout?: Duration;
}

/**
 * Runs handlers at most once per key among all processes that share a store.
 *
 * @example
 * ```ts
 * import { createDeduplicator, dedupeHttpStatus, type Deduplicator } from 'hookverify/dedupe';
 *
 * const dedupe: Deduplicator = createDeduplicator();
 * const outcome = await dedupe.run(delivery, () => saveReading(delivery.payload));
 * res.status(dedupeHttpStatus(outcome)).end();
 * ```
 */
export interface Deduplicator {
  /**
   * Claims the key of `source` (a verified delivery, or a key string used as given), runs
   * `handler` if the claim is won, then completes the key (or releases it if the handler
   * failed). Never rejects for a handler error or a store failure: those are outcomes. Rejects
   * with a `DedupeError` `missing_dedupe_key` when there is no key (a sender with no `id`).
   */
  run<Result>(source: DedupeKeySource | string, handler: () => Result | Promise<Result>): Promise<DedupeOutcome<Awaited<Result>>>;
}

function randomToken(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * Creates a deduplicator: the step between a verified (and parsed) delivery and your handler
 * that makes each event processed once, and never lost. Build it once and share it.
 *
 * @example
 * ```ts
 * import { createDeduplicator, dedupeHttpStatus } from 'hookverify/dedupe';
 * import { readRequestBody } from 'hookverify/fetch';
 * import { createRedisStore } from 'hookverify/redis';
 * import { createPeridioVerifier, peridio } from 'hookverify/peridio';
 * import { Redis } from 'ioredis';
 *
 * const verifier = createPeridioVerifier({ secret: process.env.PERIDIO_WEBHOOK_SECRET });
 * const dedupe = createDeduplicator({
 *   store: createRedisStore({ client: new Redis(process.env.REDIS_URL!) }),
 *   retention: peridio, // its 3-day retry horizon plus a day
 * });
 *
 * export async function POST(request: Request): Promise<Response> {
 *   const delivery = await verifier.verify({ body: await readRequestBody(request), headers: request.headers });
 *   const outcome = await dedupe.run(delivery, () => saveEvent(delivery.payload));
 *   return new Response(null, { status: dedupeHttpStatus(outcome) });
 * }
 * ```
 */
export function createDeduplicator(options: DeduplicatorOptions = {}): Deduplicator {
  const store = options.store ?? createMemoryStore();
  const { leaseMs, keepMs, timeoutMs } = dedupeTimings(options);
  const mode = options.onStoreError ?? 'fail-closed';
  if (mode !== 'fail-closed' && mode !== 'fail-open') {
    throw new ConfigurationError('invalid_option', 'onStoreError must be "fail-closed" or "fail-open"');
  }
  const bounded = <T>(operation: () => MaybePromise<T>): MaybePromise<T> => withStoreTimeout(operation, timeoutMs);

  async function runHandler<Result>(
    key: string,
    token: string | undefined,
    handler: () => Result | Promise<Result>,
    claimError: unknown,
  ): Promise<DedupeOutcome<Awaited<Result>>> {
    let result: Awaited<Result>;
    try {
      result = await handler();
    } catch (error) {
      let released = false;
      if (token !== undefined) {
        try {
          released = await bounded(() => store.release(key, token));
        } catch {
          // The lease expires on its own; the retry after that is processed.
        }
      }
      return { status: 'failed', key, error, released };
    }
    if (token === undefined) return { status: 'processed', key, result, recorded: false, storeError: claimError };
    try {
      const recorded = await bounded(() => store.complete(key, token, keepMs));
      return { status: 'processed', key, result, recorded };
    } catch (storeError) {
      return { status: 'processed', key, result, recorded: false, storeError };
    }
  }

  return {
    async run(source, handler) {
      const key = dedupeKeyOf(source);
      const token = randomToken();
      let claim: ClaimResult;
      try {
        claim = await bounded(() => store.claim(key, token, leaseMs));
      } catch (error) {
        if (mode === 'fail-open') return runHandler(key, undefined, handler, error);
        return {
          status: 'store_unavailable',
          key,
          error: new DedupeError('store_unavailable', 'the dedupe store is unavailable; nothing was processed', { cause: error }),
        };
      }
      if (claim === 'completed') return { status: 'duplicate', key };
      if (claim === 'in_progress') return { status: 'in_progress', key };
      if (claim !== 'claimed') {
        return {
          status: 'store_unavailable',
          key,
          error: new DedupeError('store_unavailable', `the dedupe store answered ${JSON.stringify(String(claim))} to a claim`),
        };
      }
      return runHandler(key, token, handler, undefined);
    },
  };
}
