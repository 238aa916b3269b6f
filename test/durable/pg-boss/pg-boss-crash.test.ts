// The crash test of the pg-boss hand-off (issue #13; the scenario: test/helpers/crash-run.ts):
// one receiver and two worker processes on a real PostgreSQL, 2,000 deliveries with 20%
// duplicates and out-of-order retries, workers SIGKILLed four times and the receiver once.
// At the end: no event lost (each completed in the store or in the dead-letter queue), no
// completion recorded twice, and the dead letters are exactly the events that always fail.
// HOOKVERIFY_CRASH_EVENTS=20000 runs a longer variant.
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { migratePostgresStore } from '../../../src/dedupe/postgres/index.js';
import { bundlePrograms } from '../../helpers/child-programs.js';
import { expectNothingLost, runCrashScenario } from '../../helpers/crash-run.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/postgres-database.js';
import { postgresUnavailableReason } from '../../helpers/postgres-server.js';

const skip = postgresUnavailableReason() !== undefined;
const DELIVERIES = Number(process.env.HOOKVERIFY_CRASH_EVENTS ?? 2000);
const QUEUE = 'crash';
const program = (name: string) => fileURLToPath(new URL(`../../helpers/${name}`, import.meta.url));

const countsOf = (rows: { id: string; n: number }[]) => Object.fromEntries(rows.map((row) => [row.id, row.n]));

describe.skipIf(skip)('pg-boss hand-off: receiver and two workers, SIGKILLed at random points', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  let bundles: Awaited<ReturnType<typeof bundlePrograms>>;

  beforeAll(async () => {
    bundles = await bundlePrograms([program('pg-boss-crash-receiver.ts'), program('pg-boss-crash-worker.ts')], ['pg', 'pg-boss', 'express']);
    db = await createTestDatabase();
    pool = db.pool();
    await migratePostgresStore(pool);
    await pool.query('CREATE TABLE crash_poison (prn text PRIMARY KEY); CREATE TABLE crash_effects (prn text); CREATE TABLE crash_completions (key text)');
    // pg-boss's schema once, before the processes race to create it.
    const boss = new PgBoss({ connectionString: db.url });
    boss.on('error', () => {});
    await boss.start();
    await boss.stop({ graceful: false, wait: true });
  }, 60_000);
  afterAll(async () => {
    await db?.drop();
    bundles?.remove();
  });

  it(`${DELIVERIES} deliveries, 20% duplicates: none lost, no completion recorded twice, every dead letter listed`, async () => {
    const [receiverFile, workerFile] = bundles.files as [string, string];
    const figures = await runCrashScenario(
      {
        receiverFile,
        workerFile,
        env: { DATABASE_URL: db.url, QUEUE_NAME: QUEUE },
        poison: async (prns) => void (await pool.query('INSERT INTO crash_poison (prn) SELECT unnest($1::text[])', [prns])),
        completedKeys: async (keys) => {
          const { rows } = await pool.query<{ key: string }>('SELECT key FROM hookverify_dedupe WHERE key = ANY($1) AND completed', [keys]);
          return new Set(rows.map((row) => row.key));
        },
        deadLetterCount: async () =>
          (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1', [`${QUEUE}-dead-letter`])).rows[0]!.n,
        results: async () => ({
          completions: countsOf((await pool.query('SELECT key AS id, count(*)::int AS n FROM crash_completions GROUP BY key')).rows),
          effects: countsOf((await pool.query('SELECT prn AS id, count(*)::int AS n FROM crash_effects GROUP BY prn')).rows),
          deadLettered: (await pool.query<{ prn: string }>("SELECT data->>'deliveryId' AS prn FROM pgboss.job WHERE name = $1", [`${QUEUE}-dead-letter`])).rows.map(
            (row) => row.prn,
          ),
        }),
      },
      DELIVERIES,
    );
    expectNothingLost('pg-boss', figures);
  }, 150_000);
});
