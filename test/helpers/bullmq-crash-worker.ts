// A worker process of the BullMQ crash test. Its handler's side effect and every completion
// the store records are counted in Redis (HINCRBY), so the parent can count them across
// processes that are SIGKILLed at random points. Events in the set `<queue>:poison` always
// fail; others fail once, on their first attempt, now and then.
import { Redis } from 'ioredis';
import type { DedupeStore } from '../../src/dedupe/index.js';
import { createRedisStore } from '../../src/dedupe/redis/index.js';
import { createBullMQWorker } from '../../src/durable/bullmq/index.js';
import { peridioEvents } from '../../src/senders/peridio/events/index.js';

const queueName = process.env.QUEUE_NAME!;
const connection = { host: '127.0.0.1', port: Number(process.env.REDIS_PORT) };
const redis = new Redis(connection);
const redisStore = createRedisStore({ client: redis, prefix: `${queueName}:done:` });
const store: DedupeStore = {
  claim: (key, token, leaseMs) => redisStore.claim(key, token, leaseMs),
  release: (key, token) => redisStore.release(key, token),
  async complete(key, token, retentionMs) {
    const recorded = await redisStore.complete(key, token, retentionMs);
    if (recorded) await redis.hincrby(`${queueName}:completions`, key, 1);
    return recorded;
  },
};

const worker = createBullMQWorker({
  queueName,
  // A killed worker's job is back in the queue about a second later.
  worker: { connection, concurrency: 8, lockDuration: 1000, stalledInterval: 500 },
  events: peridioEvents,
  store,
  lease: '2s',
  postponeDelay: '200ms',
  async handle(_event, { job, attempt }) {
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 4));
    if (await redis.sismember(`${queueName}:poison`, job.deliveryId)) throw new Error('poison event (simulated)');
    if (attempt === 1 && Math.random() < 0.05) throw new Error('transient failure (simulated)');
    await redis.hincrby(`${queueName}:effects`, job.deliveryId, 1);
  },
});
worker.on('error', () => {});
process.on('message', (message: { type: string }) => {
  if (message.type === 'stop') void worker.close().then(() => process.exit(0));
});
await worker.waitUntilReady();
process.send!({ type: 'ready' });
