import { ConfigurationError } from '../../core/errors.js';
import type { PostgresQueryable } from './postgres-client.js';
import type { PostgresTableOptions } from './postgres-migration.js';
import { postgresStatements } from './postgres-statements.js';
import { tableName } from './table-name.js';

/**
 * Options of {@link purgeExpiredPostgresKeys}.
 *
 * @example
 * ```ts
 * import { purgeExpiredPostgresKeys, type PurgeOptions } from 'hookverify/postgres';
 *
 * const options: PurgeOptions = { table: 'hookverify_dedupe', limit: 5000 };
 * await purgeExpiredPostgresKeys(pool, options);
 * ```
 */
export interface PurgeOptions extends PostgresTableOptions {
  /** Most rows deleted by one call, so a sweep never holds many locks at once. Default 10,000. */
  readonly limit?: number;
}

const DEFAULT_LIMIT = 10_000;

/**
 * Deletes rows whose lease or retention has ended and answers how many. Expired rows already
 * count as free, so this only keeps the table small: run it from a timer or a cron job (the
 * equivalent statement is `DELETE FROM hookverify_dedupe WHERE expires_at <= now()`). It skips
 * rows other transactions hold, and never removes a live claim or a remembered completion.
 *
 * @example
 * ```ts
 * import { purgeExpiredPostgresKeys } from 'hookverify/postgres';
 *
 * setInterval(() => {
 *   purgeExpiredPostgresKeys(pool).catch((error) => console.warn('dedupe sweep failed', error));
 * }, 3_600_000).unref();
 * ```
 */
export async function purgeExpiredPostgresKeys(pool: PostgresQueryable, options: PurgeOptions = {}): Promise<number> {
  const limit = options.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) throw new ConfigurationError('invalid_option', 'limit must be a positive whole number');
  const result = await pool.query(postgresStatements(tableName(options.table)).purge, [limit]);
  return result.rowCount ?? 0;
}
