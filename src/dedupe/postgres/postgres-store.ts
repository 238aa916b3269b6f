import { ConfigurationError } from '../../core/errors.js';
import type { ClaimResult, DedupeStore } from '../store.js';
import type { PostgresQueryable } from './postgres-client.js';
import type { PostgresTableOptions } from './postgres-migration.js';
import { postgresStatements } from './postgres-statements.js';
import { tableName } from './table-name.js';

/**
 * Options of {@link createPostgresStore}.
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * import { createPostgresStore, type PostgresStoreOptions } from 'hookverify/postgres';
 *
 * const options: PostgresStoreOptions = { pool: new pg.Pool(), table: 'webhooks.dedupe' };
 * const store = createPostgresStore(options);
 * ```
 */
export interface PostgresStoreOptions extends PostgresTableOptions {
  /** A `pg.Pool` (or anything with its `query`). hookverify never ends it. */
  readonly pool: PostgresQueryable;
}

/** The answer's one column, checked: a driver set up to parse values differently must not be misread. */
function single(rows: readonly unknown[], column: string): unknown {
  return (rows[0] as Record<string, unknown> | undefined)?.[column];
}

/** Refuses options without a usable pool, before the first delivery finds out. */
export function checkedPool<Pool extends PostgresQueryable>(options: { readonly pool: Pool } | null | undefined, factory: string): Pool {
  if (options === null || typeof options !== 'object' || typeof options.pool?.query !== 'function') {
    throw new ConfigurationError('invalid_option', `${factory} needs { pool }, e.g. new pg.Pool({ connectionString })`);
  }
  return options.pool;
}

/**
 * A dedupe store in a PostgreSQL table, for `createDeduplicator({ store })`: at least once, and
 * never again once recorded, across every process sharing the database, like the Redis store.
 * Each operation is one statement; leases and retention are timed by the database's clock. The
 * table must exist: {@link migratePostgresStore} or {@link postgresMigration}. For effects
 * applied exactly once, use {@link createPostgresDeduplicator} instead.
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * import { createDeduplicator } from 'hookverify/dedupe';
 * import { createPostgresStore, migratePostgresStore } from 'hookverify/postgres';
 * import { peridio } from 'hookverify/peridio';
 *
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * pool.on('error', (error) => console.warn('idle Postgres client failed', error));
 * await migratePostgresStore(pool);
 * const dedupe = createDeduplicator({ store: createPostgresStore({ pool }), retention: peridio });
 * ```
 */
export function createPostgresStore(options: PostgresStoreOptions): DedupeStore {
  const pool = checkedPool(options, 'createPostgresStore');
  const sql = postgresStatements(tableName(options.table));
  return {
    async claim(key, token, leaseMs): Promise<ClaimResult> {
      const { rows } = await pool.query(sql.claim, [key, token, leaseMs]);
      const result = single(rows, 'result');
      if (result === 'claimed' || result === 'completed' || result === 'in_progress') return result;
      throw new Error(`the Postgres store's claim answered ${JSON.stringify(result)}`);
    },
    async complete(key, token, retentionMs) {
      const { rows } = await pool.query(sql.complete, [key, token, retentionMs]);
      return single(rows, 'recorded') === true;
    },
    async release(key, token) {
      const { rowCount } = await pool.query(sql.release, [key, token]);
      return (rowCount ?? 0) > 0;
    },
  };
}
