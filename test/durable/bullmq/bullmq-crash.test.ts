// The crash test of the BullMQ hand-off (issue #13): one receiver process and two worker
// processes share a real redis-server. A simulated sender delivers 2,000 signed Peridio
// deliveries (20% of them duplicates) in random order, with 20 in flight, and retries every
// non-2xx answer or dropped connection later, out of order. Workers are SIGKILLed at random
// points four times (as completions pass random marks) and the receiver once. At the end:
// no event lost (each completed in the store or listed in the failed set), no completion
// recorded twice, and the dead letters are exactly the events that always fail.
// HOOKVERIFY_CRASH_EVENTS=20000 runs a longer variant.
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJobId } from '../../../src/durable/job-id.js';
import { auditLogBody, signPeridio } from '../../adapters/fixtures.js';
import { bundlePrograms, supervise, type SupervisedProgram } from '../../helpers/child-programs.js';
import { eventually } from '../../helpers/queue-receiver.js';
import { freePort, redisUnavailableReason, startRedisServer, type RedisServer } from '../../helpers/redis-server.js';

const skip = redisUnavailableReason() !== undefined;
const DELIVERIES = Number(process.env.HOOKVERIFY_CRASH_EVENTS ?? 2000);
const UNIQUE = Math.round(DELIVERIES * 0.8);
const POISON = Math.max(1, Math.round(UNIQUE * 0.01));
const IN_FLIGHT = 20;
const QUEUE = 'crash';
const program = (name: string) => fileURLToPath(new URL(`../../helpers/${name}`, import.meta.url));

describe.skipIf(skip)('BullMQ hand-off: receiver and two workers, SIGKILLed at random points', () => {
  let server: RedisServer;
  let redis: Redis;
  let bundles: Awaited<ReturnType<typeof bundlePrograms>>;
  const programs: SupervisedProgram[] = [];

  beforeAll(async () => {
    bundles = await bundlePrograms([program('bullmq-crash-receiver.ts'), program('bullmq-crash-worker.ts')], ['bullmq', 'ioredis', 'express']);
    server = await startRedisServer();
    redis = new Redis({ host: '127.0.0.1', port: server.port });
  }, 30_000);

  afterAll(async () => {
    await Promise.all(programs.map((child) => child.stop()));
    redis?.disconnect();
    await server?.stop();
    bundles?.remove();
  });

  it(`${DELIVERIES} deliveries, 20% duplicates: none lost, no completion recorded twice, every dead letter listed`, async () => {
    const port = await freePort();
    const env = { REDIS_PORT: String(server.port), QUEUE_NAME: QUEUE, PORT: String(port) };
    const [receiverFile, workerFile] = bundles.files as [string, string];
    const receiver = await supervise(receiverFile, env);
    const workers = await Promise.all([supervise(workerFile, env), supervise(workerFile, env)]);
    programs.push(receiver, ...workers);

    const bodies = Array.from({ length: UNIQUE }, () => auditLogBody());
    const prns = bodies.map((body) => (JSON.parse(body) as { prn: string }).prn);
    const poison = new Set(prns.slice(0, POISON));
    await redis.sadd(`${QUEUE}:poison`, ...poison);
    // 20% duplicates, everything shuffled: a duplicate may arrive before its original.
    const deliveries = [...bodies.keys(), ...Array.from({ length: DELIVERIES - UNIQUE }, () => Math.floor(Math.random() * UNIQUE))];
    for (let i = deliveries.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [deliveries[i], deliveries[j]] = [deliveries[j]!, deliveries[i]!];
    }

    const url = `http://127.0.0.1:${port}/webhooks/peridio`;
    const answers: Record<string, number> = {};
    let acknowledged = 0;
    let retries = 0;
    async function deliver(index: number): Promise<void> {
      for (let attempt = 1; ; attempt++) {
        const signed = await signPeridio(bodies[index]!);
        let status = 0;
        try {
          status = (await fetch(url, { method: 'POST', headers: signed.headers, body: signed.body })).status;
        } catch {
          // The receiver was killed: the connection dropped, as a sender would see it.
        }
        answers[status] = (answers[status] ?? 0) + 1;
        if (status >= 200 && status < 300) return void acknowledged++;
        if (attempt === 200) throw new Error(`delivery ${index} refused ${attempt} times (last: ${status})`);
        retries++;
        // Later, and so out of order with the rest.
        await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 200));
      }
    }

    // The faults: the receiver once, at a random point of the sending; the workers four times,
    // as completions pass random marks, each restarted as a supervisor would.
    const receiverKillAt = Math.floor(DELIVERIES * (0.2 + Math.random() * 0.5));
    const workerKillMarks = Array.from({ length: 4 }, () => Math.floor(UNIQUE * (0.1 + Math.random() * 0.7))).sort((a, b) => a - b);
    const kills: string[] = [];
    let faultsDone = false;
    const faults = (async () => {
      let receiverKilled = false;
      while (!faultsDone && (workerKillMarks.length > 0 || !receiverKilled)) {
        if (!receiverKilled && acknowledged >= receiverKillAt) {
          receiverKilled = true;
          kills.push(`receiver at ${acknowledged} acknowledged`);
          await receiver.killAndRestart();
        }
        const completions = await redis.hlen(`${QUEUE}:completions`);
        if (workerKillMarks.length > 0 && completions >= workerKillMarks[0]!) {
          workerKillMarks.shift();
          const index = Math.floor(Math.random() * workers.length);
          kills.push(`worker ${index} at ${completions} completions`);
          await workers[index]!.killAndRestart();
        }
        await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40));
      }
    })();

    const started = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < deliveries.length) await deliver(deliveries[next++]!);
      }),
    );
    const sentMs = Date.now() - started;

    const queue = new Queue(QUEUE, { connection: { host: '127.0.0.1', port: server.port } });
    const settled = async () => {
      const [completed, failed] = await Promise.all([redis.hlen(`${QUEUE}:completions`), queue.getFailedCount()]);
      return completed + failed >= UNIQUE;
    };
    try {
      await eventually(settled, 45_000, 'every event completed or dead-lettered');
      faultsDone = true;
      await faults;

      const [completions, effects, failed] = await Promise.all([
        redis.hgetall(`${QUEUE}:completions`),
        redis.hgetall(`${QUEUE}:effects`),
        queue.getFailed(0, -1),
      ]);
      const deadLettered = new Set(failed.map((job) => decodeJobId(job.id!)!.slice('peridio:'.length)));
      const lost = prns.filter((prn) => completions[`peridio:${prn}`] === undefined && !deadLettered.has(prn));
      const recordedTwice = Object.values(completions).filter((count) => Number(count) > 1).length;
      const appliedTwice = Object.values(effects).filter((count) => Number(count) > 1).length;
      console.info(
        JSON.stringify({
          engine: 'bullmq',
          deliveries: DELIVERIES,
          events: UNIQUE,
          sentMs,
          totalMs: Date.now() - started,
          answers,
          retries,
          kills,
          lost: lost.length,
          completionsRecordedTwice: recordedTwice,
          effectsAppliedTwice: appliedTwice,
          deadLettered: [...deadLettered].length,
        }),
      );
      expect(kills).toHaveLength(5);
      expect(lost).toEqual([]);
      expect(recordedTwice).toBe(0);
      expect([...deadLettered].sort()).toEqual([...poison].sort());
      expect(failed.every((job) => job.attemptsMade === 4)).toBe(true);
      expect(acknowledged).toBe(DELIVERIES);
    } finally {
      faultsDone = true;
      await faults;
      await queue.close();
    }
  }, 120_000);
});
