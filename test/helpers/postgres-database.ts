// A database of its own for one test file, in the run's shared cluster (test/setup/postgres-cluster.ts),
// so files running in parallel never see each other's tables. Under a vitest config without that
// globalSetup, the file starts a cluster of its own.
import pg from 'pg';
import { inject } from 'vitest';
import { startPostgresServer, type PostgresServer } from './postgres-server.js';

export interface TestDatabase {
  readonly name: string;
  readonly port: number;
  /** A connection string to this database. */
  readonly url: string;
  /** A new pool on this database; `drop()` ends every pool made here. */
  pool(config?: Omit<pg.PoolConfig, 'connectionString'>): pg.Pool;
  /** Ends the pools, drops the database (and stops a cluster the file started itself). */
  drop(): Promise<void>;
}

let counter = 0;

async function adminQuery(port: number, user: string, sql: string): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user, database: 'postgres' });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates an empty database; call in beforeAll, and `drop()` in afterAll. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const shared = inject('postgres');
  let own: PostgresServer | undefined;
  const cluster = shared ?? (own = await startPostgresServer());
  const name = `hv_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
  await adminQuery(cluster.port, cluster.user, `CREATE DATABASE ${name}`);
  const url = `postgres://${cluster.user}@127.0.0.1:${cluster.port}/${name}`;
  const pools: pg.Pool[] = [];
  return {
    name,
    port: cluster.port,
    url,
    pool(config = {}) {
      const pool = new pg.Pool({ ...config, connectionString: url });
      // A test that stops the server makes idle clients fail; an unhandled 'error' would crash the worker.
      pool.on('error', () => {});
      pools.push(pool);
      return pool;
    },
    async drop() {
      await Promise.allSettled(pools.map((pool) => pool.end()));
      if (own !== undefined) return own.stop();
      await adminQuery(cluster.port, cluster.user, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
