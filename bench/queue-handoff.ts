// Queue hand-offs against the in-memory pipeline, in one process on loopback: deliveries
// acknowledged per second by the receiver (verify, typed event, then either the handler with
// in-memory dedupe, or the hand-off to the queue), and the latency from the start of each
// request to its handler's call (for a queue: in a worker, through Redis). Signed 1 KB Peridio
// events with unique PRNs, pre-signed, 32 in flight; a real redis-server on 127.0.0.1 with
// persistence off, and a real PostgreSQL (fsync off) for pg-boss. Receiver and worker share the process and the machine, as co-located
// services do. Not a timed test: figures for bench/RESULTS.md.
//
//   node bench/run.mjs bench/queue-handoff.ts [--deliveries 5000] [--quick]
import { createHmac, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Queue } from 'bullmq';
import { createWebhookReceiver, type DeliveryHandler } from '../src/index.js';
import { createBullMQHandoff, createBullMQWorker } from '../src/durable/bullmq/index.js';
import { createDeduplicator } from '../src/dedupe/index.js';
import { createPeridioVerifier } from '../src/senders/peridio/index.js';
import { peridioEvents } from '../src/senders/peridio/events/index.js';
import { createRedisStore } from '../src/dedupe/redis/index.js';
import { Redis } from 'ioredis';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { createPostgresStore, migratePostgresStore } from '../src/dedupe/postgres/index.js';
import { createPgBossHandoff, createPgBossWorker } from '../src/durable/pg-boss/index.js';
import { postgresUnavailableReason, startPostgresServer } from '../test/helpers/postgres-server.js';
import { startRedisServer } from '../test/helpers/redis-server.js';
import { peridioEventBody, PERIDIO_SECRETS } from './fixtures.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const deliveries = Number(args.includes('--deliveries') ? args[args.indexOf('--deliveries') + 1] : quick ? 300 : 5000);
const IN_FLIGHT = 32;
const KEY = Buffer.from(PERIDIO_SECRETS[0], 'hex');
const template = peridioEventBody(1024).toString('utf8');
const templateId = /event:([0-9a-f-]{36})/.exec(template)![1]!;

interface Signed {
  readonly id: string;
  readonly body: Buffer;
  readonly headers: Record<string, string>;
}

function sign(count: number): Signed[] {
  const publishedAt = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return Array.from({ length: count }, () => {
    const id = randomUUID();
    const body = Buffer.from(template.replace(templateId, id));
    const signature = createHmac('sha256', KEY).update(publishedAt).update(body).digest('hex');
    return { id, body, headers: { 'content-type': 'application/json', 'peridio-published-at': publishedAt, 'peridio-signature': signature } };
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface Row {
  readonly pipeline: string;
  readonly acknowledgedPerSecond: number;
  readonly handledPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** Sends every delivery through `receive`, `IN_FLIGHT` at a time; resolves when all are acknowledged and handled. */
async function measure(
  pipeline: string,
  build: (onHandled: (id: string) => void) => Promise<{ receive: (signed: Signed) => Promise<number>; close(): Promise<void> }>,
): Promise<Row> {
  const started = new Map<string, number>();
  const latencies: number[] = [];
  let allHandled!: () => void;
  const handled = new Promise<void>((resolve) => (allHandled = resolve));
  const harness = await build((prn) => {
    // The event PRN ends with the id the delivery was signed with.
    const id = prn.slice(prn.lastIndexOf(':') + 1);
    const at = started.get(id);
    if (at === undefined) return;
    latencies.push(performance.now() - at);
    started.delete(id);
    if (latencies.length === deliveries) allHandled();
  });
  // Warm up: JIT, connections, scripts loaded into Redis.
  for (const signed of sign(50)) await harness.receive(signed);
  const batch = sign(deliveries);
  const begin = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < batch.length) {
        const signed = batch[next++]!;
        started.set(signed.id, performance.now());
        const status = await harness.receive(signed);
        if (status !== 200) throw new Error(`${pipeline}: answered ${status}`);
      }
    }),
  );
  const acknowledgedMs = performance.now() - begin;
  await handled;
  const handledMs = performance.now() - begin;
  await harness.close();
  const sorted = latencies.sort((a, b) => a - b);
  return {
    pipeline,
    acknowledgedPerSecond: Math.round(deliveries / (acknowledgedMs / 1000)),
    handledPerSecond: Math.round(deliveries / (handledMs / 1000)),
    p50Ms: Number(percentile(sorted, 50).toFixed(2)),
    p99Ms: Number(percentile(sorted, 99).toFixed(2)),
  };
}

const verifier = createPeridioVerifier({ secrets: [...PERIDIO_SECRETS] });
const deliveryIdOf = (payload: unknown) => (payload as { prn: string }).prn;
const rows: Row[] = [];

rows.push(
  await measure('in-process, in-memory dedupe (mode: process)', async (onHandled) => {
    const handle: DeliveryHandler<unknown> = (_event, { delivery }) => onHandled(delivery.id!);
    const receiver = createWebhookReceiver({ verifier, events: peridioEvents, dedupe: createDeduplicator(), handle });
    return {
      receive: async ({ body, headers }) => (await receiver.receive({ method: 'POST', headers, body })).status,
      close: async () => {},
    };
  }),
);

const redisServer = await startRedisServer();
try {
  const connection = { host: '127.0.0.1', port: redisServer.port };
  rows.push(
    await measure('BullMQ hand-off, 1 worker (concurrency 32, Redis store)', async (onHandled) => {
      const queue = new Queue('bench', { connection });
      const receiver = createWebhookReceiver({
        verifier,
        events: peridioEvents,
        mode: 'acknowledge-first',
        handle: createBullMQHandoff(queue, { jobOptions: { removeOnComplete: true } }),
      });
      const redis = new Redis(connection);
      const worker = createBullMQWorker({
        queueName: 'bench',
        worker: { connection, concurrency: IN_FLIGHT },
        events: peridioEvents,
        store: createRedisStore({ client: redis }),
        handle: (event) => onHandled(deliveryIdOf((event as { payload: unknown }).payload)),
      });
      await worker.waitUntilReady();
      return {
        receive: async ({ body, headers }) => (await receiver.receive({ method: 'POST', headers, body })).status,
        close: async () => {
          await worker.close();
          await queue.close();
          redis.disconnect();
        },
      };
    }),
  );
} finally {
  await redisServer.stop();
}

if (postgresUnavailableReason() === undefined) {
  const postgres = await startPostgresServer();
  try {
    rows.push(
      await measure('pg-boss hand-off, 1 worker (concurrency 32, Postgres store)', async (onHandled) => {
        const boss = new PgBoss({ connectionString: postgres.url(), max: 40 });
        boss.on('error', () => {});
        await boss.start();
        const pool = new pg.Pool({ connectionString: postgres.url(), max: 20 });
        // An idle client the server drops at shutdown must not mask the error that ended the run.
        pool.on('error', () => {});
        await migratePostgresStore(pool);
        const receiver = createWebhookReceiver({
          verifier,
          events: peridioEvents,
          mode: 'acknowledge-first',
          handle: createPgBossHandoff(boss, 'bench'),
        });
        const workers = await createPgBossWorker({
          boss,
          queueName: 'bench',
          concurrency: IN_FLIGHT,
          pollingIntervalSeconds: 0.5,
          events: peridioEvents,
          store: createPostgresStore({ pool }),
          handle: (event) => onHandled(deliveryIdOf((event as { payload: unknown }).payload)),
        });
        return {
          receive: async ({ body, headers }) => (await receiver.receive({ method: 'POST', headers, body })).status,
          close: async () => {
            await workers.stop();
            await boss.stop({ graceful: false, wait: true });
            await pool.end();
          },
        };
      }),
    );
  } finally {
    await postgres.stop();
  }
}

const table = [
  '| pipeline | acknowledged/s | handled/s (end to end) | latency to the handler p50 | p99 |',
  '|---|---:|---:|---:|---:|',
  ...rows.map((row) => `| ${row.pipeline} | ${row.acknowledgedPerSecond} | ${row.handledPerSecond} | ${row.p50Ms} ms | ${row.p99Ms} ms |`),
].join('\n');
console.log(table);
if (!quick) {
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/queue-handoff.json', `${JSON.stringify({ measuredAt: new Date().toISOString(), loadAverage: loadavg()[0], deliveries, inFlight: IN_FLIGHT, rows }, null, 2)}\n`);
  writeFileSync('bench/results/queue-handoff.md', `${table}\n`);
}
process.exit(0);
