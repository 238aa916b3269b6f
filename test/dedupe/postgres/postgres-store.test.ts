import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../../src/core/errors.js';
import {
  createPostgresStore,
  migratePostgresStore,
  postgresMigration,
  purgeExpiredPostgresKeys,
} from '../../../src/dedupe/postgres/index.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/postgres-database.js';
import { postgresUnavailableReason } from '../../helpers/postgres-server.js';
import { freshKey, storeContract } from '../store-contract.js';

const skip = postgresUnavailableReason() !== undefined;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('postgresMigration and the table option', () => {
  it('creates the table and its expiry index, quoted, in the schema given', () => {
    const sql = postgresMigration({ table: 'webhooks.dedupe' });
    expect(sql).toContain('CREATE TABLE IF NOT EXISTS "webhooks"."dedupe"');
    expect(sql).toContain('CREATE INDEX IF NOT EXISTS "dedupe_expires_at" ON "webhooks"."dedupe" (expires_at)');
    expect(postgresMigration()).toContain('"hookverify_dedupe"');
  });

  it.each(['Dedupe', 'a.b.c', '1table', 'x;drop table users', 'a"b', '', 'a'.repeat(49), '.t'])('refuses the table name %j', (table) => {
    expect(() => postgresMigration({ table })).toThrow(ConfigurationError);
    expect(() => createPostgresStore({ pool: { query: async () => ({ rows: [], rowCount: 0 }) }, table })).toThrow(/lower-case letters/);
  });

  it('refuses options without a pool', () => {
    expect(() => createPostgresStore(undefined as never)).toThrow(/needs \{ pool \}/);
    expect(() => createPostgresStore({ pool: {} as never })).toThrow(ConfigurationError);
  });
});

describe.skipIf(skip)('createPostgresStore against a real PostgreSQL', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    database = await createTestDatabase();
    pool = database.pool({ max: 20 });
    await migratePostgresStore(pool);
  });
  afterAll(async () => {
    await database?.drop();
  });

  storeContract(() => createPostgresStore({ pool }));

  it('of 50 concurrent claims of one key on 20 connections, exactly one wins', async () => {
    const store = createPostgresStore({ pool });
    for (let round = 0; round < 5; round++) {
      const key = freshKey();
      const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => store.claim(key, `t${i}`, 5000)));
      expect(answers.filter((answer) => answer === 'claimed')).toHaveLength(1);
      expect(answers.filter((answer) => answer === 'in_progress')).toHaveLength(49);
    }
  });

  it('sets the lease end from the database clock (expires_at - now())', async () => {
    const store = createPostgresStore({ pool });
    const key = freshKey();
    await store.claim(key, 't', 60_000);
    const { rows } = await pool.query<{ ms: number }>(
      'select (extract(epoch from expires_at - now()) * 1000)::float8 as ms from hookverify_dedupe where key = $1',
      [key],
    );
    expect(rows[0]!.ms).toBeGreaterThan(55_000);
    expect(rows[0]!.ms).toBeLessThanOrEqual(60_000);
  });

  it('migrates again, and from 5 processes at once, without error', async () => {
    await migratePostgresStore(pool);
    await Promise.all(Array.from({ length: 5 }, () => migratePostgresStore(pool, { table: 'raced_dedupe' })));
    const { rows } = await pool.query("select count(*)::int as n from pg_indexes where tablename = 'raced_dedupe'");
    expect(rows[0].n).toBe(2);
  });

  it('keeps its rows in the table given, in another schema', async () => {
    await pool.query('create schema if not exists webhooks');
    await migratePostgresStore(pool, { table: 'webhooks.dedupe' });
    const store = createPostgresStore({ pool, table: 'webhooks.dedupe' });
    const key = freshKey();
    await store.claim(key, 't', 5000);
    expect((await pool.query('select token from webhooks.dedupe where key = $1', [key])).rows).toEqual([{ token: 't' }]);
    expect((await pool.query('select 1 from hookverify_dedupe where key = $1', [key])).rowCount).toBe(0);
  });

  it('purges expired claims and completions, and nothing live', async () => {
    await migratePostgresStore(pool, { table: 'purged' });
    const store = createPostgresStore({ pool, table: 'purged' });
    await store.claim('live-claim', 't', 60_000);
    await store.claim('done', 't', 60_000);
    await store.complete('done', 't', 60_000);
    await store.claim('lapsed-claim', 't', 50);
    await store.claim('lapsed-done', 't', 5000);
    await store.complete('lapsed-done', 't', 50);
    await sleep(100);
    expect(await purgeExpiredPostgresKeys(pool, { table: 'purged', limit: 1 })).toBe(1);
    expect(await purgeExpiredPostgresKeys(pool, { table: 'purged' })).toBe(1);
    expect(await purgeExpiredPostgresKeys(pool, { table: 'purged' })).toBe(0);
    const { rows } = await pool.query<{ key: string }>('select key from purged order by key');
    expect(rows.map((row) => row.key)).toEqual(['done', 'live-claim']);
    await expect(purgeExpiredPostgresKeys(pool, { limit: 0 })).rejects.toThrow(ConfigurationError);
  });

  it('records a completion whose claim row was purged meanwhile', async () => {
    const store = createPostgresStore({ pool });
    const key = freshKey();
    await store.claim(key, 'slow', 50);
    await sleep(100);
    await purgeExpiredPostgresKeys(pool);
    expect(await store.complete(key, 'slow', 60_000)).toBe(true);
    expect(await store.claim(key, 'retry', 5000)).toBe('completed');
  });

  it('fails (and the deduplicator answers store_unavailable) when the table was never created', async () => {
    const store = createPostgresStore({ pool, table: 'never_migrated' });
    await expect(store.claim(freshKey(), 't', 5000)).rejects.toThrow(/never_migrated/);
  });
});
