// Four worker processes behind a simulated load balancer share one real redis-server; a
// simulated sender delivers 100 events with random duplicates and retries every non-2xx answer,
// like Peridio does. The test counts each event's side effects.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shuffledDeliveries } from '../../helpers/concurrent-deliveries.js';
import type { DeliverMessage, WorkerMessage } from '../../helpers/dedupe-worker.js';
import { REDIS_LIBRARIES } from '../../helpers/redis-clients.js';
import { redisUnavailableReason, startRedisServer, type RedisServer } from '../../helpers/redis-server.js';

const skip = redisUnavailableReason() !== undefined;
const WORKER_SOURCE = fileURLToPath(new URL('../../helpers/dedupe-worker.ts', import.meta.url));
const WORKERS = 4;
const MAX_ATTEMPTS = 100;

interface Worker {
  readonly child: ChildProcess;
  readonly pending: Map<number, (response: { status: number; outcome: string }) => void>;
}

describe.skipIf(skip)('dedupe across 4 worker processes sharing one Redis', () => {
  let server: RedisServer;
  const workers: Worker[] = [];
  /** Side effects per event id, across all workers. */
  const effects = new Map<string, number>();
  let nextRequest = 0;

  // Inside node_modules so that the bundle's imports of ioredis and redis resolve.
  const cacheDir = fileURLToPath(new URL('../../../node_modules/.cache/', import.meta.url));
  mkdirSync(cacheDir, { recursive: true });
  const bundleDir = mkdtempSync(join(cacheDir, 'hookverify-workers-'));

  beforeAll(async () => {
    // One bundle for all four: starting plain node is much quicker than four TypeScript loaders.
    const workerFile = join(bundleDir, 'dedupe-worker.mjs');
    await build({
      entryPoints: [WORKER_SOURCE],
      outfile: workerFile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: ['ioredis', 'redis'],
      logLevel: 'error',
    });
    server = await startRedisServer();
    await Promise.all(
      Array.from({ length: WORKERS }, (_, index) => {
        const child = fork(workerFile, {
          env: {
            ...process.env,
            REDIS_PORT: String(server.port),
            // Both client libraries, in separate processes, against the same keys.
            REDIS_LIBRARY: REDIS_LIBRARIES[index % REDIS_LIBRARIES.length],
            WORKER_INDEX: String(index),
            DEDUPE_PREFIX: 'workers:',
          },
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        });
        const worker: Worker = { child, pending: new Map() };
        workers.push(worker);
        return new Promise<void>((resolve, reject) => {
          child.once('exit', (code) => reject(new Error(`worker ${index} exited with ${code} before it was ready`)));
          child.on('message', (message: WorkerMessage) => {
            if (message.type === 'ready') resolve();
            else if (message.type === 'effect') effects.set(message.eventId, (effects.get(message.eventId) ?? 0) + 1);
            else {
              worker.pending.get(message.request)?.(message);
              worker.pending.delete(message.request);
            }
          });
        });
      }),
    );
  }, 30_000);

  afterAll(async () => {
    await Promise.all(
      workers.map(
        ({ child }) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.removeAllListeners('exit');
            child.once('exit', () => resolve());
            child.send({ type: 'stop' });
            setTimeout(() => child.kill('SIGKILL'), 5000).unref();
          }),
      ),
    );
    await server?.stop();
    rmSync(bundleDir, { recursive: true, force: true });
  });

  function deliver(eventId: string, failRate: number): Promise<{ status: number; outcome: string }> {
    // The load balancer: any worker may receive any delivery, including each retry.
    const worker = workers[Math.floor(Math.random() * workers.length)]!;
    const request = nextRequest++;
    return new Promise((resolve) => {
      worker.pending.set(request, resolve);
      const message: DeliverMessage = { type: 'deliver', request, eventId, failRate };
      worker.child.send(message);
    });
  }

  /** A sender that retries each delivery after a short backoff until it gets a 2xx. */
  async function sendAll(eventIds: readonly string[], failRate: number) {
    const answers: Record<string, number> = {};
    let retries = 0;
    await Promise.all(
      eventIds.map(async (eventId) => {
        for (let attempt = 1; ; attempt++) {
          const { status, outcome } = await deliver(eventId, failRate);
          answers[outcome] = (answers[outcome] ?? 0) + 1;
          if (status >= 200 && status < 300) return;
          if (attempt === MAX_ATTEMPTS) throw new Error(`${eventId} still refused after ${MAX_ATTEMPTS} attempts (${outcome})`);
          retries++;
          await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
        }
      }),
    );
    return { answers, retries };
  }

  function effectsOf(prefix: string): number[] {
    return [...effects].filter(([id]) => id.startsWith(prefix)).map(([, count]) => count);
  }

  it('runs the handler exactly once per event for 1,000 concurrent deliveries of 100 events', async () => {
    const events = shuffledDeliveries(100, 1000).map((id) => `clean-${id}`);
    const { answers } = await sendAll(events, 0);
    const counts = effectsOf('clean-');
    expect(counts).toHaveLength(100);
    expect(counts.every((count) => count === 1)).toBe(true);
    expect(answers.processed).toBe(100);
  }, 30_000);

  it('with 10% of handler calls failing and the sender retrying, processes every event exactly once', async () => {
    const events = shuffledDeliveries(100, 1000).map((id) => `flaky-${id}`);
    const { answers, retries } = await sendAll(events, 0.1);
    const counts = effectsOf('flaky-');
    // None lost: every one of the 100 events had its side effect ...
    expect(counts).toHaveLength(100);
    // ... and none twice, although failed attempts were retried on other workers.
    expect(counts.every((count) => count === 1)).toBe(true);
    expect(answers.processed).toBe(100);
    expect(answers.failed).toBeGreaterThan(0);
    expect(retries).toBeGreaterThanOrEqual(answers.failed!);
  }, 30_000);
});
