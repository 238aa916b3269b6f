// The worker of examples/queue: runs the same routers as examples/express, on the jobs the
// receiver queued, with each completion recorded in Redis so an event runs once across all
// workers. Run: `npx tsx examples/queue/worker.ts` with REDIS_URL set. Start as many as you like.
import { createBullMQWorker } from 'hookverify/bullmq';
import type { JobOutcome } from 'hookverify/durable';
import { edgesenseEvents } from 'hookverify/edgesense/events';
import { peridioEvents } from 'hookverify/peridio/events';
import { createRedisStore } from 'hookverify/redis';
import { Redis } from 'ioredis';
import { nodeLog } from '../shared/node-log.js';
import { createEdgeSenseRouter, createPeridioRouter } from '../shared/receivers.js';
import { QUEUES, redisConnection } from './settings.js';

const store = createRedisStore({ client: new Redis(redisConnection()) });
const common = {
  worker: { connection: redisConnection(), concurrency: 8 },
  store,
  onOutcome: (outcome: JobOutcome) => nodeLog({ job: outcome.status, key: outcome.key }),
  onDeadLetter: ({ key, reason, error }: { key: string | undefined; reason: string; error: unknown }) =>
    console.error(JSON.stringify({ deadLetter: key, reason, error: String(error) })),
};
const workers = [
  createBullMQWorker({ ...common, queueName: QUEUES.peridio, events: peridioEvents, handle: createPeridioRouter(nodeLog) }),
  createBullMQWorker({ ...common, queueName: QUEUES.edgesense, events: edgesenseEvents, handle: createEdgeSenseRouter(nodeLog) }),
];
for (const worker of workers) worker.on('error', (error) => console.error('redis:', error.message));
await Promise.all(workers.map((worker) => worker.waitUntilReady()));
console.log(`worker ready on ${Object.values(QUEUES).join(', ')}`);

process.once('SIGTERM', () => void Promise.all(workers.map((worker) => worker.close())).then(() => process.exit(0)));
