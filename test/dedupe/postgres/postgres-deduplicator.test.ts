import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationError, DedupeError } from '../../../src/core/errors.js';
import { createPostgresDeduplicator, createPostgresStore } from '../../../src/dedupe/postgres/index.js';
import { eventPrn, releaseChangedBody, signPeridio } from '../../adapters/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/postgres-database.js';
import { migrateEffects, startPostgresReceiver } from '../../helpers/postgres-receiver.js';
import { freePort } from '../../helpers/redis-server.js';
import { postgresUnavailableReason } from '../../helpers/postgres-server.js';
import { freshKey } from '../store-contract.js';

const skip = postgresUnavailableReason() !== undefined;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createPostgresDeduplicator options', () => {
  const pool = { query: async () => ({ rows: [], rowCount: 0 }), connect: async () => ({}) as never };
  it('refuses a missing pool, a bad table and a retention shorter than the lease', () => {
    expect(() => createPostgresDeduplicator({} as never)).toThrow(/needs \{ pool \}/);
    expect(() => createPostgresDeduplicator({ pool, table: 'Bad' })).toThrow(ConfigurationError);
    expect(() => createPostgresDeduplicator({ pool, lease: '1h', retention: '1m' })).toThrow(/retention must be at least/);
  });

  it('rejects a source without a key, before touching the pool', async () => {
    const dedupe = createPostgresDeduplicator({ pool });
    await expect(dedupe.run({ sender: 'peridio', id: undefined }, () => 1)).rejects.toThrow(DedupeError);
  });
});

describe.skipIf(skip)('createPostgresDeduplicator against a real PostgreSQL', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    database = await createTestDatabase();
    pool = database.pool({ max: 20 });
    await migrateEffects(pool);
  });
  afterAll(async () => {
    await database?.drop();
  });

  async function effectsOf(key: string): Promise<number> {
    return (await pool.query<{ n: number }>('select count(*)::int as n from effects where event_id = $1', [key])).rows[0]!.n;
  }
  async function doneMark(key: string): Promise<boolean | undefined> {
    return (await pool.query<{ completed: boolean }>('select completed from hookverify_dedupe where key = $1', [key])).rows[0]?.completed;
  }
  const write = (tx: pg.PoolClient, key: string) => tx.query('insert into effects (event_id, worker) values ($1, 0)', [key]);

  it('commits the handler’s write and the done mark together; a redelivery is a duplicate and runs nothing', async () => {
    const dedupe = createPostgresDeduplicator({ pool });
    const key = freshKey();
    const first = await dedupe.run(key, async ({ tx }) => {
      await write(tx, key);
      // Inside the transaction: not visible to others before the commit.
      expect(await effectsOf(key)).toBe(0);
      return 'ok';
    });
    expect(first).toEqual({ status: 'processed', key, result: 'ok', recorded: true });
    expect(await effectsOf(key)).toBe(1);
    expect(await doneMark(key)).toBe(true);
    let calls = 0;
    expect(await dedupe.run(key, () => ++calls)).toEqual({ status: 'duplicate', key });
    expect(calls).toBe(0);
  });

  it('a handler that writes a row and throws leaves neither the row nor a done mark, and its retry runs', async () => {
    const dedupe = createPostgresDeduplicator({ pool });
    const key = freshKey();
    const failure = new Error('the handler failed after its write');
    const failed = await dedupe.run(key, async ({ tx }) => {
      await write(tx, key);
      throw failure;
    });
    expect(failed).toEqual({ status: 'failed', key, error: failure, released: true });
    expect(await effectsOf(key)).toBe(0);
    expect(await doneMark(key)).toBeUndefined();
    const retry = await dedupe.run(key, ({ tx }) => write(tx, key));
    expect(retry.status).toBe('processed');
    expect(await effectsOf(key)).toBe(1);
  });

  it('a handler that swallowed an SQL error (the transaction aborted) fails, and commits nothing', async () => {
    const dedupe = createPostgresDeduplicator({ pool });
    const key = freshKey();
    const outcome = await dedupe.run(key, async ({ tx }) => {
      await write(tx, key);
      await tx.query('select * from no_such_table').catch(() => undefined);
    });
    expect(outcome).toMatchObject({ status: 'failed', key, released: true });
    expect(String((outcome as { error: unknown }).error)).toMatch(/current transaction is aborted/);
    expect(await effectsOf(key)).toBe(0);
    expect(await doneMark(key)).toBeUndefined();
  });

  it('a handler still holding tx after it failed can write nothing: the client was destroyed', async () => {
    const dedupe = createPostgresDeduplicator({ pool });
    const key = freshKey();
    let leaked: pg.PoolClient | undefined;
    await dedupe.run(key, ({ tx }) => {
      leaked = tx;
      throw new Error('fails at once');
    });
    await expect(write(leaked!, key)).rejects.toThrow();
    expect(await effectsOf(key)).toBe(0);
  });

  it('rolls back a handler that outlived its lease once a retry took the claim: only the retry’s write stays', async () => {
    const dedupe = createPostgresDeduplicator({ pool, lease: '200ms' });
    const key = freshKey();
    const slow = dedupe.run(key, async ({ tx }) => {
      await write(tx, key);
      await sleep(400);
    });
    await sleep(300);
    const retry = await dedupe.run(key, ({ tx }) => write(tx, key));
    expect(retry.status).toBe('processed');
    expect(await slow).toEqual({ status: 'in_progress', key });
    expect(await effectsOf(key)).toBe(1);
    expect(await doneMark(key)).toBe(true);
  });

  it('of 30 concurrent deliveries of one event, one runs the handler; the others are told in progress or duplicate', async () => {
    const dedupe = createPostgresDeduplicator({ pool, storeTimeout: '10s' });
    const key = freshKey();
    let calls = 0;
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, () =>
        dedupe.run(key, async ({ tx }) => {
          calls++;
          await write(tx, key);
          await sleep(20);
        }),
      ),
    );
    expect(calls).toBe(1);
    expect(outcomes.filter((outcome) => outcome.status === 'processed')).toHaveLength(1);
    expect(outcomes.every((outcome) => ['processed', 'in_progress', 'duplicate'].includes(outcome.status))).toBe(true);
    expect(await effectsOf(key)).toBe(1);
  });

  it('shares its table with createPostgresStore: a key completed by one is a duplicate for the other', async () => {
    const dedupe = createPostgresDeduplicator({ pool });
    const store = createPostgresStore({ pool });
    const key = freshKey();
    await dedupe.run(key, () => undefined);
    expect(await store.claim(key, 't', 5000)).toBe('completed');
  });

  it('answers store_unavailable when no connection comes within storeTimeout, and gives the late one back', async () => {
    const tiny = database.pool({ max: 1 });
    const held = await tiny.connect();
    const dedupe = createPostgresDeduplicator({ pool: tiny, storeTimeout: '200ms' });
    let calls = 0;
    const outcome = await dedupe.run(freshKey(), () => ++calls);
    expect(outcome.status).toBe('store_unavailable');
    expect((outcome as { error: DedupeError }).error.code).toBe('store_unavailable');
    expect(calls).toBe(0);
    held.release();
    await sleep(50);
    expect(tiny.idleCount).toBe(1);
    expect((await dedupe.run(freshKey(), () => ++calls)).status).toBe('processed');
  });

  it('answers store_unavailable against a port where nothing listens', async () => {
    const nowhere = new pg.Pool({ host: '127.0.0.1', port: await freePort(), user: 'postgres', connectionTimeoutMillis: 1000 });
    try {
      const dedupe = createPostgresDeduplicator({ pool: nowhere });
      let calls = 0;
      expect((await dedupe.run(freshKey(), () => ++calls)).status).toBe('store_unavailable');
      expect(calls).toBe(0);
    } finally {
      await nowhere.end();
    }
  });

  it('through createWebhookReceiver on a real server: the handler gets tx, a duplicate is acknowledged without it', async () => {
    const receiver = await startPostgresReceiver({ pool });
    try {
      const prn = eventPrn();
      const signed = await signPeridio(releaseChangedBody(prn));
      const send = () => fetch(receiver.url, { method: 'POST', headers: signed.headers, body: signed.body });
      const first = await send();
      expect(first.status).toBe(200);
      expect(await first.json()).toMatchObject({ status: 'processed' });
      const again = await send();
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ status: 'duplicate' });
      expect(await effectsOf(prn)).toBe(1);
      expect(await doneMark(`peridio:${prn}`)).toBe(true);
    } finally {
      await receiver.close();
    }
  });

  it('through createWebhookReceiver: a handler that throws after its write answers 500 and leaves nothing', async () => {
    const receiver = await startPostgresReceiver({
      pool,
      afterEffect: () => {
        throw new Error('after the write');
      },
    });
    try {
      const prn = eventPrn();
      const signed = await signPeridio(releaseChangedBody(prn));
      const response = await fetch(receiver.url, { method: 'POST', headers: signed.headers, body: signed.body });
      expect(response.status).toBe(500);
      expect(await response.json()).toMatchObject({ error: 'handler_failed' });
      expect(await effectsOf(prn)).toBe(0);
      expect(await doneMark(`peridio:${prn}`)).toBeUndefined();
    } finally {
      await receiver.close();
    }
  });
});
