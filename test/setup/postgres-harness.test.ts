// The PostgreSQL harness itself: the shared cluster runs unprivileged on loopback, each file's
// database is its own, and a paused cluster comes back with its data.
import { statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres-database.js';
import { postgresUnavailableReason, startPostgresServer } from '../helpers/postgres-server.js';

const skip = postgresUnavailableReason() !== undefined;

describe.skipIf(skip)('the PostgreSQL test harness', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('serves a database of its own to this file, on 127.0.0.1, as a user other than root', async () => {
    const pool = database.pool();
    const { rows } = await pool.query<{ db: string; addr: string; dir: string }>(
      "select current_database() as db, inet_server_addr()::text as addr, current_setting('data_directory') as dir",
    );
    expect(rows[0]!.db).toBe(database.name);
    expect(rows[0]!.addr).toBe('127.0.0.1/32');
    expect(statSync(rows[0]!.dir).uid).not.toBe(0);
  });

  it('keeps two databases apart', async () => {
    const other = await createTestDatabase();
    try {
      await database.pool().query('create table only_here (id int)');
      const { rows } = await other.pool().query("select count(*)::int as n from pg_tables where tablename = 'only_here'");
      expect(rows[0]!.n).toBe(0);
    } finally {
      await other.drop();
    }
  });

  it('pauses with a fast shutdown, refuses connections meanwhile, resumes with its data, and removes it on stop', async () => {
    const server = await startPostgresServer();
    const pool = new (await import('pg')).default.Pool({ connectionString: server.url(), connectionTimeoutMillis: 2000 });
    pool.on('error', () => {});
    let dataDir = '';
    try {
      await pool.query('create table kept (id int); insert into kept values (7)');
      dataDir = (await pool.query<{ dir: string }>("select current_setting('data_directory') as dir")).rows[0]!.dir;
      await server.pause();
      await expect(pool.query('select 1')).rejects.toThrow();
      await server.resume();
      const { rows } = await pool.query<{ id: number }>('select id from kept');
      expect(rows).toEqual([{ id: 7 }]);
    } finally {
      await pool.end();
      await server.stop();
    }
    expect(() => statSync(dataDir)).toThrow();
  });
});
