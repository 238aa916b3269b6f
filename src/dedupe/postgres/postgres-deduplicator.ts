import type { Duration } from '../../core/duration.js';
import { DedupeError } from '../../core/errors.js';
import type { Sender } from '../../core/sender.js';
import { dedupeKeyOf, type DedupeKeySource } from '../dedupe-key.js';
import type { DedupeOutcome } from '../outcome.js';
import { withStoreTimeout } from '../store-timeout.js';
import { dedupeTimings } from '../timings.js';
import { isConnectionFailure } from './connection-failure.js';
import type { PostgresClientLike, PostgresClientOf, PostgresPoolLike } from './postgres-client.js';
import type { PostgresTableOptions } from './postgres-migration.js';
import { postgresStatements } from './postgres-statements.js';
import { checkedPool } from './postgres-store.js';
import { tableName } from './table-name.js';

/**
 * What the transactional deduplicator hands a handler: `tx`, a client of your pool inside
 * `BEGIN`. Write your effects with it; they commit together with the completion mark.
 *
 * @example
 * ```ts
 * import type { PostgresTransactionScope } from 'hookverify/postgres';
 * import type { PoolClient } from 'pg';
 *
 * async function saveReading({ tx }: PostgresTransactionScope<PoolClient>, device: string, value: number) {
 *   await tx.query('insert into readings (device, value) values ($1, $2)', [device, value]);
 * }
 * ```
 */
export interface PostgresTransactionScope<Client = PostgresClientLike> {
  readonly tx: Client;
}

/**
 * Options of {@link createPostgresDeduplicator}.
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * import { createPostgresDeduplicator, type PostgresDeduplicatorOptions } from 'hookverify/postgres';
 *
 * const options: PostgresDeduplicatorOptions<pg.Pool> = { pool: new pg.Pool(), lease: '1m', retention: '4d' };
 * const dedupe = createPostgresDeduplicator(options);
 * ```
 */
export interface PostgresDeduplicatorOptions<Pool extends PostgresPoolLike = PostgresPoolLike> extends PostgresTableOptions {
  /** A `pg.Pool`: one client is checked out per delivery, for its claim and its transaction. hookverify never ends it. */
  readonly pool: Pool;
  /**
   * How long a claim holds a key while its transaction runs. After a crash the retry waits
   * for it; shorter than it and a slow handler's transaction is rolled back (its claim passed
   * to a retry). Default `"30s"`.
   */
  readonly lease?: Duration;
  /** How long a completed key is remembered: a duration, or a sender (its `retryHorizon` plus one day). Default 4 days. */
  readonly retention?: Duration | Sender;
  /** How long to wait for a connection, the claim and each statement of its own before answering `store_unavailable`. Default `"2s"`. */
  readonly storeTimeout?: Duration;
}

/**
 * A deduplicator whose handler writes in the transaction that also marks its key done; pass it
 * as `dedupe` to `createWebhookReceiver`, whose handler context then has `tx`.
 *
 * @example
 * ```ts
 * import type { PostgresDeduplicator } from 'hookverify/postgres';
 * import type { PoolClient } from 'pg';
 *
 * async function handle(dedupe: PostgresDeduplicator<PoolClient>, delivery: { sender: string; id: string }) {
 *   return dedupe.run(delivery, ({ tx }) => tx.query('insert into seen (id) values ($1)', [delivery.id]));
 * }
 * ```
 */
export interface PostgresDeduplicator<Client = PostgresClientLike> {
  /**
   * Claims the key, runs `handler` with `tx` inside `BEGIN`, marks the key done in that same
   * transaction and commits. Outcomes as `createDeduplicator`'s, and:
   * - the handler threw: rolled back, the claim released, `failed` (500);
   * - its claim passed to a retry while it ran (the lease ran out): rolled back, `in_progress` (409);
   * - the database went away at any point: rolled back by PostgreSQL, `store_unavailable` (503).
   *
   * Never rejects, except with a `DedupeError` `missing_dedupe_key` when there is no key.
   */
  run<Result>(
    source: DedupeKeySource | string,
    handler: (scope: PostgresTransactionScope<Client>) => Result | Promise<Result>,
  ): Promise<DedupeOutcome<Awaited<Result>>>;
}

function unavailable(key: string, message: string, cause: unknown): DedupeOutcome<never> {
  return { status: 'store_unavailable', key, error: new DedupeError('store_unavailable', message, { cause }) };
}

/**
 * Processes each event's effects in the database **exactly once**: the handler's writes through
 * `tx` and the row that marks the event done commit in one transaction, or neither does. A
 * crash, a failed handler, a lost connection or a claim lost to a retry rolls the transaction
 * back and leaves the key not done, so the sender's retry runs it again from scratch (after a
 * crash, once the lease has expired). Effects outside this database (an e-mail, an HTTP call)
 * are at least once, as with any deduplicator: do them after the commit, from what it wrote.
 *
 * The claim is committed on its own first, so that a concurrent delivery of the same event sees
 * it at once (`in_progress`, 409) rather than waiting on a lock. The table is the one of
 * {@link createPostgresStore} ({@link migratePostgresStore} creates it); a store and a
 * deduplicator on one table agree. There is no fail-open mode: without the database there is
 * no transaction to run the handler in. Add `pool.on('error', ...)`, as pg asks; while a client
 * is checked out here, its errors are handled here.
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * import { createWebhookReceiver } from 'hookverify';
 * import { createPostgresDeduplicator, migratePostgresStore } from 'hookverify/postgres';
 * import { createPeridioVerifier, peridio } from 'hookverify/peridio';
 *
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * pool.on('error', (error) => console.warn('idle Postgres client failed', error));
 * await migratePostgresStore(pool);
 *
 * const receiver = createWebhookReceiver({
 *   verifier: createPeridioVerifier({ secret: process.env.PERIDIO_WEBHOOK_SECRET }),
 *   dedupe: createPostgresDeduplicator({ pool, retention: peridio }),
 *   handle: async (payload, { delivery, tx }) => {
 *     await tx.query('insert into events (id, body) values ($1, $2)', [delivery.id, payload]);
 *   },
 * });
 * ```
 */
export function createPostgresDeduplicator<Pool extends PostgresPoolLike>(
  options: PostgresDeduplicatorOptions<Pool>,
): PostgresDeduplicator<PostgresClientOf<Pool>> {
  const pool = checkedPool(options, 'createPostgresDeduplicator');
  const sql = postgresStatements(tableName(options.table));
  const { leaseMs, keepMs, timeoutMs } = dedupeTimings(options);
  const bounded = <T>(operation: () => Promise<T>): Promise<T> => Promise.resolve(withStoreTimeout(operation, timeoutMs));
  // A checked-out pg client with no 'error' listener crashes the process when its connection drops.
  const ignore = () => {};

  async function checkout(): Promise<PostgresClientLike> {
    const pending = pool.connect();
    try {
      return await bounded(() => pending);
    } catch (error) {
      // A connection that arrives after the timeout goes back to the pool.
      pending.then((late) => late.release(), ignore);
      throw error;
    }
  }

  function giveBack(client: PostgresClientLike, destroy?: unknown): void {
    client.off?.('error', ignore);
    // Destroyed rather than reused: a client whose state is unknown, or that a handler may
    // still hold, must never run another statement outside a transaction.
    client.release(destroy === undefined ? undefined : destroy instanceof Error ? destroy : true);
  }

  /** Best effort: on failure the lease expires instead, and the retry after it gets in. */
  async function releaseClaim(key: string, token: string): Promise<boolean> {
    try {
      const { rowCount } = await bounded(() => pool.query(sql.release, [key, token]));
      return (rowCount ?? 0) > 0;
    } catch {
      return false;
    }
  }

  /** Rolls back; answers the error if the connection itself is gone. */
  async function rollback(client: PostgresClientLike): Promise<unknown> {
    try {
      await bounded(() => client.query('ROLLBACK'));
      return undefined;
    } catch (error) {
      return error;
    }
  }

  return {
    async run<Result>(
      source: DedupeKeySource | string,
      handler: (scope: PostgresTransactionScope<PostgresClientOf<Pool>>) => Result | Promise<Result>,
    ): Promise<DedupeOutcome<Awaited<Result>>> {
      const key = dedupeKeyOf(source);
      const token = globalThis.crypto.randomUUID();
      let client: PostgresClientLike;
      try {
        client = await checkout();
      } catch (error) {
        return unavailable(key, 'could not get a Postgres connection; nothing was processed', error);
      }
      client.on?.('error', ignore);

      let claim: unknown;
      try {
        claim = (await bounded(() => client.query(sql.claim, [key, token, leaseMs]))).rows[0];
        await bounded(() => client.query('BEGIN'));
      } catch (error) {
        giveBack(client, error);
        if (claim !== undefined) await releaseClaim(key, token);
        return unavailable(key, 'the Postgres dedupe store is unavailable; nothing was processed', error);
      }
      const claimed = (claim as { result?: unknown } | undefined)?.result;
      if (claimed !== 'claimed') {
        await rollback(client);
        giveBack(client);
        if (claimed === 'completed') return { status: 'duplicate', key };
        if (claimed === 'in_progress') return { status: 'in_progress', key };
        return unavailable(key, `the Postgres dedupe store answered ${JSON.stringify(claimed)} to a claim`, undefined);
      }

      let result: Awaited<Result>;
      try {
        result = await handler({ tx: client as PostgresClientOf<Pool> });
      } catch (error) {
        const lost = await rollback(client);
        giveBack(client, error);
        const released = await releaseClaim(key, token);
        if (lost !== undefined && isConnectionFailure(lost)) {
          return unavailable(key, 'the Postgres connection failed during the handler; its transaction was rolled back', error);
        }
        return { status: 'failed', key, error, released };
      }

      let step = 'marking the event done';
      try {
        const marked = await bounded(() => client.query(sql.markDone, [key, token, keepMs]));
        if ((marked.rowCount ?? 0) === 0) {
          // The lease ran out and a retry holds the key: its run will apply the effects, not this one.
          await rollback(client);
          giveBack(client);
          return { status: 'in_progress', key };
        }
        step = 'committing';
        await bounded(() => client.query('COMMIT'));
      } catch (error) {
        await rollback(client);
        giveBack(client, error);
        // The release never removes a completion, so it is safe even when a lost COMMIT did commit.
        const released = await releaseClaim(key, token);
        if (isConnectionFailure(error)) return unavailable(key, `the Postgres connection failed while ${step}; the retry will tell`, error);
        // PostgreSQL refused it (the handler left the transaction aborted, a deferred constraint): nothing committed.
        return { status: 'failed', key, error, released };
      }
      giveBack(client);
      return { status: 'processed', key, result, recorded: true };
    },
  };
}
