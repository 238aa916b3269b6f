/**
 * `hookverify/postgres`: dedupe state in PostgreSQL. {@link createPostgresStore} is a store for
 * `createDeduplicator` (at least once, like the Redis store); {@link createPostgresDeduplicator}
 * runs the handler in the transaction that marks its event done, so effects in the same
 * database happen exactly once. Works with a `pg` (node-postgres) pool you create; `pg` is not
 * imported.
 *
 * @module
 */
export type { PostgresClientLike, PostgresClientOf, PostgresPoolLike, PostgresQueryable } from './postgres-client.js';
export {
  createPostgresDeduplicator,
  type PostgresDeduplicator,
  type PostgresDeduplicatorOptions,
  type PostgresTransactionScope,
} from './postgres-deduplicator.js';
export { migratePostgresStore, postgresMigration, type PostgresTableOptions } from './postgres-migration.js';
export { createPostgresStore, type PostgresStoreOptions } from './postgres-store.js';
export { purgeExpiredPostgresKeys, type PurgeOptions } from './purge-expired.js';
