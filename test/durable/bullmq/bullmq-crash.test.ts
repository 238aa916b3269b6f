// The crash test of the BullMQ hand-off (issue #13; the scenario: test/helpers/crash-run.ts):
// one receiver and two worker processes on a real redis-server, 2,000 deliveries with 20%
// duplicates and out-of-order retries, workers SIGKILLed four times and the receiver once. At
// the end: no event lost (each completed in the store or in the failed set), no completion
// recorded twice, and the dead letters are exactly the events that always fail.
// HOOKVERIFY_CRASH_EVENTS=20000 runs a longer variant.
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJobId } from '../../../src/durable/job-id.js';
import { bundlePrograms } from '../../helpers/child-programs.js';
import { expectNothingLost, runCrashScenario } from '../../helpers/crash-run.js';
import { redisUnavailableReason, startRedisServer, type RedisServer } from '../../helpers/redis-server.js';

const skip = redisUnavailableReason() !== undefined;
const DELIVERIES = Number(process.env.HOOKVERIFY_CRASH_EVENTS ?? 2000);
const QUEUE = 'crash';
const program = (name: string) => fileURLToPath(new URL(`../../helpers/${name}`, import.meta.url));
const counts = (hash: Record<string, string>) => Object.fromEntries(Object.entries(hash).map(([key, count]) => [key, Number(count)]));

describe.skipIf(skip)('BullMQ hand-off: receiver and two workers, SIGKILLed at random points', () => {
  let server: RedisServer;
  let redis: Redis;
  let queue: Queue;
  let bundles: Awaited<ReturnType<typeof bundlePrograms>>;

  beforeAll(async () => {
    bundles = await bundlePrograms([program('bullmq-crash-receiver.ts'), program('bullmq-crash-worker.ts')], ['bullmq', 'ioredis', 'express']);
    server = await startRedisServer();
    redis = new Redis({ host: '127.0.0.1', port: server.port });
    queue = new Queue(QUEUE, { connection: { host: '127.0.0.1', port: server.port } });
  }, 30_000);
  afterAll(async () => {
    await queue?.close();
    redis?.disconnect();
    await server?.stop();
    bundles?.remove();
  });

  it(`${DELIVERIES} deliveries, 20% duplicates: none lost, no completion recorded twice, every dead letter listed`, async () => {
    const [receiverFile, workerFile] = bundles.files as [string, string];
    const figures = await runCrashScenario(
      {
        receiverFile,
        workerFile,
        env: { REDIS_PORT: String(server.port), QUEUE_NAME: QUEUE },
        poison: async (prns) => void (await redis.sadd(`${QUEUE}:poison`, ...prns)),
        completedKeys: async (keys) => {
          const values = await redis.mget(keys.map((key) => `${QUEUE}:done:${key}`));
          return new Set(keys.filter((_, index) => values[index] === 'completed'));
        },
        deadLetterCount: () => queue.getFailedCount(),
        results: async () => ({
          completions: counts(await redis.hgetall(`${QUEUE}:completions`)),
          effects: counts(await redis.hgetall(`${QUEUE}:effects`)),
          deadLettered: (await queue.getFailed(0, -1)).map((job) => decodeJobId(job.id!)!.slice('peridio:'.length)),
        }),
      },
      DELIVERIES,
    );
    expectNothingLost('bullmq', figures);
    expect((await queue.getFailed(0, -1)).every((job) => job.attemptsMade === 4)).toBe(true);
  }, 150_000);
});
