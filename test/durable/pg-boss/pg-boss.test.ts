// hookverify/pg-boss against a real PostgreSQL on 127.0.0.1: a receiver (Express, acknowledge-
// first) hands signed Peridio deliveries to a pg-boss queue, workers run the router, completions
// are recorded in a hookverify/postgres store in the same database.
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresStore, migratePostgresStore } from '../../../src/dedupe/postgres/index.js';
import type { DedupeStore } from '../../../src/dedupe/store.js';
import { jobUuid } from '../../../src/durable/job-uuid.js';
import type { JobContext, JobHandler, JobOutcome } from '../../../src/durable/job-processor.js';
import { createPgBossHandoff, createPgBossWorker, type PgBossDeadLetter, type PgBossHandoffOptions } from '../../../src/durable/pg-boss/index.js';
import { createPgBossQueues } from '../../../src/durable/pg-boss/pg-boss-queues.js';
import { createRouter } from '../../../src/events/create-router.js';
import { peridioEvents } from '../../../src/senders/peridio/events/index.js';
import { auditLogBody, releaseChangedBody, signPeridio } from '../../adapters/fixtures.js';
import type { MountedReceiver } from '../../adapters/shared-suite.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/postgres-database.js';
import { postgresUnavailableReason, startPostgresServer } from '../../helpers/postgres-server.js';
import { eventually, postSigned, postUntilAcknowledged, startQueueReceiver } from '../../helpers/queue-receiver.js';

const skip = postgresUnavailableReason() !== undefined;
let queueCount = 0;
const prnOf = (body: string) => (JSON.parse(body) as { prn: string }).prn;

async function post(receiver: MountedReceiver, body: string) {
  const signed = await signPeridio(body);
  const response = await receiver.send({ method: 'POST', headers: signed.headers, body: signed.body });
  return [response.status, JSON.parse(response.body) as unknown] as const;
}

describe.skipIf(skip)('hookverify/pg-boss with a real PostgreSQL', () => {
  let db: TestDatabase;
  let boss: PgBoss;
  let store: DedupeStore;
  const receivers: MountedReceiver[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    boss = new PgBoss({ connectionString: db.url, max: 4 });
    boss.on('error', () => {});
    await boss.start();
    const pool = db.pool();
    await migratePostgresStore(pool);
    store = createPostgresStore({ pool });
  }, 60_000);
  afterAll(async () => {
    await Promise.all(receivers.map((receiver) => receiver.close()));
    await boss?.stop({ graceful: false, wait: true });
    await db?.drop();
  });

  async function harness(handoffOptions: PgBossHandoffOptions = {}) {
    const queueName = `hooks_${++queueCount}`;
    const receiver = await startQueueReceiver(createPgBossHandoff(boss, queueName, { retryDelay: 0, retryBackoff: false, ...handoffOptions }));
    receivers.push(receiver);
    const outcomes: JobOutcome[] = [];
    const deadLetters: PgBossDeadLetter[] = [];
    return {
      queueName,
      receiver,
      outcomes,
      deadLetters,
      startWorker: (handle: JobHandler<unknown> | Parameters<typeof createPgBossWorker>[0]['handle'], options: { postponeDelay?: `${number}ms` } = {}) =>
        createPgBossWorker({
          boss,
          queueName,
          events: peridioEvents,
          handle: handle as JobHandler<unknown>,
          store,
          pollingIntervalSeconds: 0.5,
          ...options,
          onOutcome: (outcome) => outcomes.push(outcome),
          onDeadLetter: (deadLetter) => deadLetters.push(deadLetter),
        }),
    };
  }

  it('creates its queues when several processes start at once: the deadlock pg-boss can hit creating one queue twice is retried', async () => {
    // Four PgBoss instances (four sessions), as a receiver and its workers starting together.
    const others = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const other = new PgBoss({ connectionString: db.url, max: 2 });
        other.on('error', () => {});
        return other.start();
      }),
    );
    try {
      for (let round = 0; round < 8; round++) {
        const queueName = `starting_${round}`;
        const deadLetter = `${queueName}-dead-letter`;
        const results = await Promise.allSettled(others.map((other) => createPgBossQueues(other, queueName, deadLetter)));
        expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
        expect(await boss.getQueue(queueName)).toMatchObject({ name: queueName, deadLetter });
      }
    } finally {
      await Promise.all(others.map((other) => other.stop({ graceful: false, wait: true })));
    }
  }, 60_000);

  it('answers 2xx once the job is committed (id made from the key), a duplicate delivery too, and the worker routes the typed event once', async () => {
    const { queueName, receiver, outcomes, startWorker } = await harness();
    const body = releaseChangedBody();
    const key = `peridio:${prnOf(body)}`;
    expect(await post(receiver, body)).toEqual([200, { status: 'processed' }]);
    const job = await boss.getJobById<{ key: string }>(queueName, await jobUuid(key));
    expect(job).toMatchObject({ state: 'created', singletonKey: key, data: { version: 1, key, event: 'device.release-changed' } });
    expect(await post(receiver, body)).toEqual([200, { status: 'processed' }]);
    expect(await boss.getQueueSize(queueName)).toBe(1);

    const seen: [string, number][] = [];
    await startWorker(
      createRouter<typeof peridioEvents.events, JobContext>(peridioEvents, {
        'device.release-changed': (event, { attempt }) => void seen.push([event.payload.data.data.device.identifier, attempt]),
      }),
    );
    await eventually(() => outcomes.length === 1);
    expect(outcomes[0]).toEqual({ status: 'done', key, handled: true, recorded: true });
    expect(seen).toEqual([['Gerät-Ωmega ☃', 1]]);
  });

  it("retries with pg-boss's retries, and after the last attempt dead-letters: onDeadLetter once, the job in the dead-letter queue", async () => {
    const { queueName, receiver, outcomes, deadLetters, startWorker } = await harness({ attempts: 3 });
    const poison = auditLogBody();
    const flaky = auditLogBody();
    const calls = new Map<string, number>();
    await startWorker((_event, { job }) => {
      const count = (calls.get(job.deliveryId) ?? 0) + 1;
      calls.set(job.deliveryId, count);
      if (job.deliveryId === prnOf(poison) || count === 1) throw new Error(`downstream refused attempt ${count}`);
    });
    expect((await post(receiver, poison))[0]).toBe(200);
    expect((await post(receiver, flaky))[0]).toBe(200);
    await eventually(() => deadLetters.length === 1 && outcomes.some((outcome) => outcome.status === 'done'), 30_000);
    expect(calls.get(prnOf(poison))).toBe(3);
    expect(calls.get(prnOf(flaky))).toBe(2);
    expect(deadLetters[0]).toMatchObject({ key: `peridio:${prnOf(poison)}`, reason: 'attempts_exhausted', attempts: 3 });
    const [dead] = await boss.fetch<{ key: string }>(`${queueName}-dead-letter`);
    expect(dead?.data.key).toBe(`peridio:${prnOf(poison)}`);
  }, 40_000);

  it('waits out, without spending an attempt, a claim another run holds; dead-letters data that is not a job without retrying', async () => {
    const { queueName, receiver, outcomes, deadLetters, startWorker } = await harness({ attempts: 1 });
    const body = auditLogBody();
    await store.claim(`peridio:${prnOf(body)}`, 'a-dead-worker', 800);
    const attempts: number[] = [];
    await startWorker((_event, { attempt }) => void attempts.push(attempt), { postponeDelay: '100ms' });
    expect((await post(receiver, body))[0]).toBe(200);
    await eventually(() => outcomes.some((outcome) => outcome.status === 'done'), 20_000);
    expect(outcomes[0]).toMatchObject({ status: 'postponed', reason: 'in_progress' });
    expect(attempts).toEqual([1]);

    await boss.send(queueName, { hello: 'world' }, { retryLimit: 4 });
    await eventually(() => deadLetters.length === 1, 20_000);
    expect(deadLetters[0]).toMatchObject({ key: undefined, reason: 'invalid_job', attempts: 1 });
  }, 30_000);

  it('reports an outcome Postgres could not record to onError, never as an unhandled rejection; the job stays active to run again; stop() waits for the job in hand', async () => {
    const queueName = `hooks_${++queueCount}`;
    const receiver = await startQueueReceiver(createPgBossHandoff(boss, queueName));
    receivers.push(receiver);
    const lost = new Error('Connection terminated unexpectedly');
    let refusals = 0;
    // The moment pg-boss 10's own work loop gets wrong: the handler is done, Postgres is gone.
    const unreachableOnce = {
      fetch: boss.fetch.bind(boss),
      send: boss.send.bind(boss),
      createQueue: boss.createQueue.bind(boss),
      fail: boss.fail.bind(boss),
      complete: (async (...args: Parameters<PgBoss['complete']>) => {
        if (refusals++ === 0) throw lost;
        return boss.complete(...args);
      }) as PgBoss['complete'],
    };
    const errors: Error[] = [];
    let release!: () => void;
    const handling = new Promise<void>((resolve) => (release = resolve));
    const handled: string[] = [];
    const workers = await createPgBossWorker({
      boss: unreachableOnce,
      queueName,
      events: peridioEvents,
      store,
      pollingIntervalSeconds: 0.2,
      handle: async (_event, { job }) => {
        handled.push(job.deliveryId);
        if (handled.length === 2) await handling;
      },
      onError: (error) => errors.push(error),
    });
    const first = auditLogBody();
    expect((await post(receiver, first))[0]).toBe(200);
    await eventually(() => errors.length === 1, 20_000);
    expect(errors).toEqual([lost]);
    const stuck = await boss.getJobById(queueName, await jobUuid(`peridio:${prnOf(first)}`));
    expect(stuck?.state).toBe('active');

    const second = auditLogBody();
    expect((await post(receiver, second))[0]).toBe(200);
    await eventually(() => handled.length === 2, 20_000);
    let stopped = false;
    const stopping = workers.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stopped).toBe(false);
    release();
    await stopping;
    const done = await boss.getJobById(queueName, await jobUuid(`peridio:${prnOf(second)}`));
    expect(done?.state).toBe('completed');
    expect((await post(receiver, auditLogBody()))[0]).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(handled).toHaveLength(2);
  }, 40_000);
});

describe.skipIf(skip)('hookverify/pg-boss when Postgres stops mid-run', () => {
  it('answers 503 while Postgres is down, marks nothing done, and recovers when it returns', async () => {
    const server = await startPostgresServer();
    const url = server.url();
    const boss = new PgBoss({ connectionString: url, max: 4, connectionTimeoutMillis: 300 } as PgBoss.ConstructorOptions);
    boss.on('error', () => {});
    await boss.start();
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: 300 });
    pool.on('error', () => {});
    await migratePostgresStore(pool);
    const effects = new Map<string, number>();
    const receiver = await startQueueReceiver(createPgBossHandoff(boss, 'outage', { retryDelay: 0, retryBackoff: false }), { handoffTimeout: '1s' });
    await createPgBossWorker({
      boss,
      queueName: 'outage',
      events: peridioEvents,
      store: createPostgresStore({ pool }),
      storeTimeout: '500ms',
      pollingIntervalSeconds: 0.5,
      handle: (_event, { job }) => void effects.set(job.deliveryId, (effects.get(job.deliveryId) ?? 0) + 1),
    });
    const send = (body: string) => postSigned(receiver, body);
    try {
      const before = Array.from({ length: 10 }, () => auditLogBody());
      expect(await Promise.all(before.map(send))).toEqual(before.map(() => 200));
      await eventually(() => effects.size === 10, 20_000);

      await server.pause();
      const during = Array.from({ length: 10 }, () => auditLogBody());
      expect(await Promise.all(during.map(send))).toEqual(during.map(() => 503));
      expect(effects.size).toBe(10);

      await server.resume();
      const check = new pg.Client({ connectionString: url });
      await check.connect();
      const keys = during.map((body) => `peridio:${prnOf(body)}`);
      const queued = await check.query('SELECT count(*)::int AS n FROM pgboss.job WHERE singleton_key = ANY($1)', [keys]);
      const done = await check.query('SELECT count(*)::int AS n FROM hookverify_dedupe WHERE key = ANY($1)', [keys]);
      await check.end();
      expect([queued.rows[0].n, done.rows[0].n]).toEqual([0, 0]);

      await postUntilAcknowledged(receiver, during);
      await eventually(() => effects.size === 20, 30_000, 'every event processed');
      expect([...effects.values()].every((count) => count === 1)).toBe(true);
    } finally {
      await receiver.close();
      await boss.stop({ graceful: false, wait: true });
      await pool.end();
      await server.stop();
    }
  }, 90_000);
});
