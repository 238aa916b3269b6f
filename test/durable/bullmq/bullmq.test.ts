// hookverify/bullmq against a real redis-server on 127.0.0.1: a receiver (Express, acknowledge-
// first) hands signed Peridio deliveries to a BullMQ queue, workers run the router. Skipped only
// where redis-server is missing outside CI (the helper prints why; under CI=true it fails).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, type Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStore } from '../../../src/dedupe/redis/index.js';
import { createBullMQHandoff, createBullMQWorker, type BullMQDeadLetter, type BullMQHandoffOptions } from '../../../src/durable/bullmq/index.js';
import { encodeJobId } from '../../../src/durable/job-id.js';
import type { JobContext, JobHandler, JobOutcome } from '../../../src/durable/job-processor.js';
import { createRouter } from '../../../src/events/create-router.js';
import { peridioEvents } from '../../../src/senders/peridio/events/index.js';
import { auditLogBody, eventPrn, releaseChangedBody, signPeridio } from '../../adapters/fixtures.js';
import type { MountedReceiver } from '../../adapters/shared-suite.js';
import { eventually, postSigned, postUntilAcknowledged, startQueueReceiver } from '../../helpers/queue-receiver.js';
import { redisUnavailableReason, startRedisServer, type RedisServer } from '../../helpers/redis-server.js';

const skip = redisUnavailableReason() !== undefined;
let queueCount = 0;

interface Harness {
  readonly queue: Queue;
  readonly receiver: MountedReceiver;
  readonly outcomes: JobOutcome[];
  readonly deadLetters: BullMQDeadLetter[];
  startWorker(handle: JobHandler<unknown> | Parameters<typeof createBullMQWorker>[0]['handle'], options?: { postponeDelay?: `${number}ms` }): Worker;
}

describe.skipIf(skip)('hookverify/bullmq with a real redis-server', () => {
  let server: RedisServer;
  let redis: Redis;
  const cleanups: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    server = await startRedisServer();
    redis = new Redis({ host: '127.0.0.1', port: server.port });
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  afterAll(async () => {
    redis?.disconnect();
    await server?.stop();
  });

  async function harness(handoffOptions: BullMQHandoffOptions = {}): Promise<Harness> {
    const queueName = `hooks-${++queueCount}`;
    const connection = { host: '127.0.0.1', port: server.port };
    const queue = new Queue(queueName, { connection });
    const receiver = await startQueueReceiver(createBullMQHandoff(queue, { backoff: { type: 'fixed', delay: 30 }, ...handoffOptions }));
    cleanups.push(() => queue.close(), () => receiver.close());
    const outcomes: JobOutcome[] = [];
    const deadLetters: BullMQDeadLetter[] = [];
    const store = createRedisStore({ client: redis, prefix: `${queueName}:done:` });
    return {
      queue,
      receiver,
      outcomes,
      deadLetters,
      startWorker(handle, options = {}) {
        const worker = createBullMQWorker({
          queueName,
          worker: { connection },
          events: peridioEvents,
          handle: handle as JobHandler<unknown>,
          store,
          ...options,
          onOutcome: (outcome) => outcomes.push(outcome),
          onDeadLetter: (deadLetter) => deadLetters.push(deadLetter),
        });
        cleanups.push(() => worker.close());
        return worker;
      },
    };
  }

  const prnOf = (body: string) => (JSON.parse(body) as { prn: string }).prn;
  const post = async (receiver: MountedReceiver, body: string) => {
    const signed = await signPeridio(body);
    const response = await receiver.send({ method: 'POST', headers: signed.headers, body: signed.body });
    return [response.status, JSON.parse(response.body) as unknown] as const;
  };

  it('answers 2xx once the job is in Redis (id: the encoded key), a duplicate delivery too, and the worker routes the typed event once', async () => {
    const { queue, receiver, outcomes, startWorker } = await harness();
    const body = releaseChangedBody();
    const prn = prnOf(body);
    expect(await post(receiver, body)).toEqual([200, { status: 'processed' }]);
    // The 2xx followed Redis's acceptance: the job is there before any worker exists.
    const job = await queue.getJob(encodeJobId(`peridio:${prn}`));
    expect(job?.data).toMatchObject({ version: 1, sender: 'peridio', key: `peridio:${prn}`, event: 'device.release-changed' });
    expect(JSON.stringify(job?.data)).not.toMatch(/signature|published-at/i);
    expect(await post(receiver, body)).toEqual([200, { status: 'processed' }]);
    expect(await queue.getWaitingCount()).toBe(1);

    const seen: [string, string, number][] = [];
    startWorker(
      createRouter<typeof peridioEvents.events, JobContext>(peridioEvents, {
        'device.release-changed': (event, { job: queued, attempt }) => {
          seen.push([event.payload.data.data.device.identifier, queued.deliveryId, attempt]);
        },
      }),
    );
    await eventually(() => outcomes.length === 1);
    expect(outcomes[0]).toEqual({ status: 'done', key: `peridio:${prn}`, handled: true, recorded: true });
    expect(seen).toEqual([['Gerät-Ωmega ☃', prn, 1]]);
  });

  it("retries with BullMQ's backoff, and after the last attempt dead-letters: onDeadLetter once, the job in the failed set", async () => {
    const { queue, receiver, outcomes, deadLetters, startWorker } = await harness({ attempts: 3 });
    const poison = auditLogBody();
    const flaky = auditLogBody();
    const calls = new Map<string, number>();
    startWorker((_event, { job }) => {
      const count = (calls.get(job.deliveryId) ?? 0) + 1;
      calls.set(job.deliveryId, count);
      if (job.deliveryId === prnOf(poison) || count === 1) throw new Error(`downstream refused attempt ${count}`);
    });
    expect((await post(receiver, poison))[0]).toBe(200);
    expect((await post(receiver, flaky))[0]).toBe(200);
    await eventually(() => deadLetters.length === 1 && outcomes.some((outcome) => outcome.status === 'done'));
    expect(calls.get(prnOf(poison))).toBe(3);
    expect(calls.get(prnOf(flaky))).toBe(2);
    expect(deadLetters[0]).toMatchObject({ key: `peridio:${prnOf(poison)}`, reason: 'attempts_exhausted', attempts: 3 });
    const failed = await queue.getFailed();
    expect(failed.map((job) => [job.id, job.attemptsMade, job.failedReason])).toEqual([
      [encodeJobId(`peridio:${prnOf(poison)}`), 3, 'attempts_exhausted: downstream refused attempt 3'],
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['dead_letter', 'done', 'retry', 'retry', 'retry']);
  });

  it('records completion in the store: a redelivery queued after its job was removed is acknowledged without running again', async () => {
    const { queue, receiver, outcomes, startWorker } = await harness({ jobOptions: { removeOnComplete: true } });
    let calls = 0;
    startWorker(() => void calls++);
    const body = auditLogBody();
    expect((await post(receiver, body))[0]).toBe(200);
    await eventually(() => outcomes.length === 1);
    await eventually(async () => (await queue.getJob(encodeJobId(`peridio:${prnOf(body)}`))) === undefined);
    expect((await post(receiver, body))[0]).toBe(200);
    await eventually(() => outcomes.length === 2);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['done', 'duplicate']);
    expect(calls).toBe(1);
  });

  it('postpones a job another run holds without spending an attempt, and dead-letters data that is not a job without retrying', async () => {
    const { queue, receiver, outcomes, deadLetters, startWorker } = await harness({ attempts: 1 });
    const body = auditLogBody(eventPrn());
    const key = `peridio:${prnOf(body)}`;
    // A worker that died mid-handler left its claim: it holds the key for the rest of its lease.
    const queueName = queue.name;
    await createRedisStore({ client: redis, prefix: `${queueName}:done:` }).claim(key, 'a-dead-worker', 600);
    const attempts: number[] = [];
    startWorker((_event, { attempt }) => void attempts.push(attempt), { postponeDelay: '100ms' });
    expect((await post(receiver, body))[0]).toBe(200);
    await eventually(() => outcomes.some((outcome) => outcome.status === 'done'));
    expect(outcomes[0]).toMatchObject({ status: 'postponed', reason: 'in_progress' });
    // With one attempt allowed, a postponement that spent it would have been a dead letter.
    expect(attempts).toEqual([1]);

    await queue.add('stranger', { hello: 'world' } as never, { attempts: 5 });
    await eventually(() => deadLetters.length === 1);
    expect(deadLetters[0]).toMatchObject({ key: undefined, reason: 'invalid_job', attempts: 1 });
    const [failed] = await queue.getFailed();
    expect(failed?.attemptsMade).toBe(1);
  });
});

describe.skipIf(skip)('hookverify/bullmq when Redis stops mid-run', () => {
  it('answers 503 while Redis is down, marks nothing done, and recovers when it returns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookverify-redis-'));
    let server = await startRedisServer({ dir });
    const port = server.port;
    const connection = { host: '127.0.0.1', port, enableOfflineQueue: false };
    const queue = new Queue('outage', { connection });
    queue.on('error', () => {});
    const storeClient = new Redis({ host: '127.0.0.1', port, maxRetriesPerRequest: 1, retryStrategy: () => 100 });
    storeClient.on('error', () => {});
    const receiver = await startQueueReceiver(createBullMQHandoff(queue, { backoff: { type: 'fixed', delay: 30 } }), { handoffTimeout: '500ms' });
    const effects = new Map<string, number>();
    const worker = createBullMQWorker({
      queueName: 'outage',
      worker: { connection: { host: '127.0.0.1', port } },
      events: peridioEvents,
      store: createRedisStore({ client: storeClient }),
      storeTimeout: '300ms',
      handle: (_event, { job }) => void effects.set(job.deliveryId, (effects.get(job.deliveryId) ?? 0) + 1),
    });
    worker.on('error', () => {});
    const send = (body: string) => postSigned(receiver, body);
    try {
      const before = Array.from({ length: 20 }, () => auditLogBody());
      expect(await Promise.all(before.map(send))).toEqual(before.map(() => 200));
      await eventually(() => effects.size === 20);

      await server.stop();
      const during = Array.from({ length: 20 }, () => auditLogBody());
      const statuses = await Promise.all(during.map(send));
      expect(statuses).toEqual(during.map(() => 503));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(effects.size).toBe(20);

      server = await startRedisServer({ port, dir });
      // Nothing of the outage was queued or marked done.
      const check = new Redis({ host: '127.0.0.1', port });
      const keys = during.map((body) => `peridio:${(JSON.parse(body) as { prn: string }).prn}`);
      expect(await Promise.all(keys.map((key) => check.exists(`bull:outage:${encodeJobId(key)}`)))).toEqual(keys.map(() => 0));
      expect(await Promise.all(keys.map((key) => check.get(`hookverify:dedupe:${key}`)))).toEqual(keys.map(() => null));
      check.disconnect();

      // The sender retries each refused delivery until it gets its 2xx.
      await postUntilAcknowledged(receiver, during);
      await eventually(() => effects.size === 40, 20_000, 'every event processed');
      expect([...effects.values()].every((count) => count === 1)).toBe(true);
    } finally {
      await worker.close(true);
      await queue.close();
      storeClient.disconnect();
      await receiver.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
