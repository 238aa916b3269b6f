import type { PostgresQueryable } from './postgres-client.js';
import { tableName } from './table-name.js';

/**
 * Options of {@link postgresMigration}, {@link migratePostgresStore} and
 * {@link purgeExpiredPostgresKeys}.
 *
 * @example
 * ```ts
 * import { postgresMigration, type PostgresTableOptions } from 'hookverify/postgres';
 *
 * const options: PostgresTableOptions = { table: 'webhooks.dedupe' };
 * console.log(postgresMigration(options));
 * ```
 */
export interface PostgresTableOptions {
  /**
   * The table, `name` or `schema.name` (the schema must exist): lower-case letters, digits and
   * `_`, at most 48 characters each. Default `"hookverify_dedupe"`.
   */
  readonly table?: string;
}

/**
 * The SQL that creates the store's table and its expiry index, for your migration tool. Safe
 * to run again (`IF NOT EXISTS`). One row per key: `token` (the claim's holder), `completed`,
 * and `expires_at` (the lease's end while claimed, the retention's end once completed).
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { postgresMigration } from 'hookverify/postgres';
 *
 * writeFileSync('migrations/20260101_hookverify_dedupe.sql', postgresMigration());
 * ```
 */
export function postgresMigration(options: PostgresTableOptions = {}): string {
  const table = tableName(options.table);
  return `CREATE TABLE IF NOT EXISTS ${table.sql} (
  key text PRIMARY KEY,
  token text NOT NULL,
  completed boolean NOT NULL DEFAULT false,
  expires_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS ${table.expiryIndex} ON ${table.sql} (expires_at);
`;
}

/**
 * Runs {@link postgresMigration} in one transaction, under an advisory lock so that processes
 * starting together do not race to create the table. Safe to call at every start.
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * import { migratePostgresStore } from 'hookverify/postgres';
 *
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * await migratePostgresStore(pool);
 * ```
 */
export async function migratePostgresStore(pool: PostgresQueryable, options: PostgresTableOptions = {}): Promise<void> {
  const table = tableName(options.table);
  // Without parameters pg sends one simple query, whose statements PostgreSQL runs as one
  // implicit transaction (rolled back whole on an error); the lock lasts until it ends.
  await pool.query(`SELECT pg_advisory_xact_lock(hashtext('hookverify migration ${table.plain}'));
${postgresMigration(options)}`);
}
