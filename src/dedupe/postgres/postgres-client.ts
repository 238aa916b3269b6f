/**
 * What hookverify needs of a `pg` (node-postgres) `Pool`, a `PoolClient` or a `Client`: `query`
 * with positional parameters. It is recognised by its shape, so hookverify never imports `pg`.
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * import { createPostgresStore, type PostgresQueryable } from 'hookverify/postgres';
 *
 * const pool: PostgresQueryable = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * const store = createPostgresStore({ pool });
 * ```
 */
export interface PostgresQueryable {
  query(text: string, values?: unknown[]): Promise<{ readonly rows: readonly unknown[]; readonly rowCount: number | null }>;
}

/**
 * A client checked out of a pool: it can be given back, or destroyed (`release(error)`) when its
 * connection can no longer be trusted. `on`/`off` of 'error' guard it while it is checked out.
 *
 * @example
 * ```ts
 * import type { PostgresClientLike } from 'hookverify/postgres';
 * import type { PoolClient } from 'pg';
 *
 * const client: PostgresClientLike = await pool.connect() satisfies PoolClient;
 * client.release();
 * ```
 */
export interface PostgresClientLike extends PostgresQueryable {
  release(destroy?: boolean | Error): void;
  on?(event: 'error', listener: (error: Error) => void): unknown;
  off?(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * A pool of connections, as `new pg.Pool(...)` is: `query` for one statement, `connect` for a
 * client of its own (the transactional deduplicator needs one per delivery).
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * import { createPostgresDeduplicator, type PostgresPoolLike } from 'hookverify/postgres';
 *
 * const pool: PostgresPoolLike = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * const dedupe = createPostgresDeduplicator({ pool });
 * ```
 */
export interface PostgresPoolLike extends PostgresQueryable {
  connect(): Promise<PostgresClientLike>;
}

/**
 * The client type a pool's `connect()` resolves to (`PoolClient` for a `pg.Pool`), so a
 * handler's `tx` has the type of the driver you use. `pg.Pool` overloads `connect` with a
 * callback form, which plain inference would pick; the first pattern matches past it.
 *
 * @example
 * ```ts
 * import type pg from 'pg';
 * import type { PostgresClientOf } from 'hookverify/postgres';
 *
 * type Tx = PostgresClientOf<pg.Pool>; // pg.PoolClient
 * ```
 */
export type PostgresClientOf<Pool> = Pool extends { connect(): Promise<infer Client>; connect(callback: never): void }
  ? Client
  : Pool extends { connect(): Promise<infer Client> }
    ? Client
    : never;
