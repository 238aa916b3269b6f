// Four worker processes behind a simulated load balancer share one real redis-server; a
// simulated sender delivers events with random duplicates and retries every non-2xx answer (and
// every lost connection), like Peridio does. The test counts each event's side effects: once
// when handlers fail before their effect, and, measured, twice when a worker dies after its
// effect or the store loses the completion. That is at-least-once with dedupe of completed
// events; exactly-once effects need the effect and the completion in one transaction.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Duration } from '../../../src/core/duration.js';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shuffledDeliveries } from '../../helpers/concurrent-deliveries.js';
import type { DeliverMessage, Fault, WorkerMessage } from '../../helpers/dedupe-worker.js';
import { REDIS_LIBRARIES } from '../../helpers/redis-clients.js';
import { redisUnavailableReason, startRedisServer, type RedisServer } from '../../helpers/redis-server.js';

const skip = redisUnavailableReason() !== undefined;
const WORKER_SOURCE = fileURLToPath(new URL('../../helpers/dedupe-worker.ts', import.meta.url));
const WORKERS = 4;
const MAX_ATTEMPTS = 100;
const LEASE: Duration = '10s';
// The fault scenarios wait for a dead worker's claim to expire: a short lease keeps them quick.
const SHORT_LEASE: Duration = '1s';

interface Answer {
  readonly status: number;
  readonly outcome: string;
  readonly recorded?: boolean;
}

interface Worker {
  readonly child: ChildProcess;
  readonly pending: Map<number, (answer: Answer) => void>;
}

describe.skipIf(skip)('dedupe across 4 worker processes sharing one Redis', () => {
  let server: RedisServer;
  let workerFile: string;
  const workers: Worker[] = [];
  /** Side effects per event id, across all workers. */
  const effects = new Map<string, number>();
  let nextRequest = 0;
  let stopping = false;
  /** Workers being started again after dying. */
  const restarts: Promise<void>[] = [];

  // Inside node_modules so that the bundle's imports of ioredis and redis resolve.
  const cacheDir = fileURLToPath(new URL('../../../node_modules/.cache/', import.meta.url));
  mkdirSync(cacheDir, { recursive: true });
  const bundleDir = mkdtempSync(join(cacheDir, 'hookverify-workers-'));

  /** Starts worker `index` in its slot; a worker that dies is started again, as a supervisor would. */
  function spawnWorker(index: number): Promise<void> {
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
    return new Promise<void>((resolve, reject) => {
      let ready = false;
      child.once('exit', (code, signal) => {
        if (!ready) return reject(new Error(`worker ${index} exited with ${code ?? signal} before it was ready`));
        // The sender sees its connection drop, for every request this worker held.
        for (const answer of worker.pending.values()) answer({ status: 0, outcome: 'connection_lost' });
        worker.pending.clear();
        if (!stopping) restarts.push(spawnWorker(index));
      });
      child.on('message', (message: WorkerMessage) => {
        if (message.type === 'ready') {
          ready = true;
          workers[index] = worker;
          resolve();
        } else if (message.type === 'effect') effects.set(message.eventId, (effects.get(message.eventId) ?? 0) + 1);
        else {
          const { status, outcome, recorded } = message;
          worker.pending.get(message.request)?.({ status, outcome, ...(recorded === undefined ? {} : { recorded }) });
          worker.pending.delete(message.request);
        }
      });
    });
  }

  beforeAll(async () => {
    // One bundle for all workers: starting plain node is much quicker than TypeScript loaders.
    workerFile = join(bundleDir, 'dedupe-worker.mjs');
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
    await Promise.all(Array.from({ length: WORKERS }, (_, index) => spawnWorker(index)));
  }, 30_000);

  afterAll(async () => {
    stopping = true;
    await Promise.allSettled(restarts);
    await Promise.all(
      workers.map(
        ({ child }) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.send({ type: 'stop' });
            setTimeout(() => child.kill('SIGKILL'), 5000).unref();
          }),
      ),
    );
    await server?.stop();
    rmSync(bundleDir, { recursive: true, force: true });
  });

  interface Delivery {
    readonly failRate?: number;
    readonly fault?: Fault;
    readonly lease?: Duration;
    /** Which worker receives it; by default the load balancer picks any. */
    readonly worker?: number;
  }

  function deliver(eventId: string, { failRate = 0, fault = 'none', lease = LEASE, worker: index }: Delivery = {}): Promise<Answer> {
    // The load balancer: any worker may receive any delivery, including each retry.
    const worker = workers[index ?? Math.floor(Math.random() * workers.length)]!;
    const request = nextRequest++;
    return new Promise((resolve) => {
      worker.pending.set(request, resolve);
      const message: DeliverMessage = { type: 'deliver', request, eventId, failRate, fault, lease };
      worker.child.send(message);
    });
  }

  /** A sender that retries each delivery after a backoff until it gets a 2xx; the first attempt may carry a fault. */
  async function sendAll(eventIds: readonly string[], options: { failRate?: number; lease?: Duration; backoffMs?: number } = {}) {
    const answers: Record<string, number> = {};
    let retries = 0;
    const backoffMs = options.backoffMs ?? 5;
    await Promise.all(
      eventIds.map(async (eventId) => {
        for (let attempt = 1; ; attempt++) {
          const { status, outcome } = await deliver(eventId, options);
          answers[outcome] = (answers[outcome] ?? 0) + 1;
          if (status >= 200 && status < 300) return;
          if (attempt === MAX_ATTEMPTS) throw new Error(`${eventId} still refused after ${MAX_ATTEMPTS} attempts (${outcome})`);
          retries++;
          await new Promise((resolve) => setTimeout(resolve, backoffMs * (1 + 4 * Math.random())));
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
    const { answers } = await sendAll(events);
    const counts = effectsOf('clean-');
    expect(counts).toHaveLength(100);
    expect(counts.every((count) => count === 1)).toBe(true);
    expect(answers.processed).toBe(100);
  }, 30_000);

  it('with 10% of handler calls failing before their side effect and the sender retrying, has every effect exactly once', async () => {
    const events = shuffledDeliveries(100, 1000).map((id) => `flaky-${id}`);
    const { answers, retries } = await sendAll(events, { failRate: 0.1 });
    const counts = effectsOf('flaky-');
    // None lost: every one of the 100 events had its side effect ...
    expect(counts).toHaveLength(100);
    // ... and none twice, although failed attempts were retried on other workers.
    expect(counts.every((count) => count === 1)).toBe(true);
    expect(answers.processed).toBe(100);
    expect(answers.failed).toBeGreaterThan(0);
    expect(retries).toBeGreaterThanOrEqual(answers.failed!);
  }, 30_000);

  // What dedupe cannot do: the effect happened and nothing recorded it. Measured, not assumed.
  const FAULTED_EVENTS = 4;

  it('a worker killed after its side effect: the retry, once the lease expires, applies the effect again', async () => {
    const events = Array.from({ length: FAULTED_EVENTS }, (_, i) => `crash-${i}`);
    // One at a time, each to worker 0, restarted in between: a dying worker takes no one else's delivery with it.
    for (const eventId of events) {
      expect(await deliver(eventId, { fault: 'crash-after-effect', lease: SHORT_LEASE, worker: 0 })).toEqual({ status: 0, outcome: 'connection_lost' });
      await Promise.all(restarts.splice(0));
    }
    expect(effectsOf('crash-')).toEqual(events.map(() => 1));

    const { answers } = await sendAll(events, { lease: SHORT_LEASE, backoffMs: 50 });
    // Every event processed in the end (none lost) ...
    expect(answers.processed).toBe(FAULTED_EVENTS);
    // ... and every effect applied twice: the dead worker's claim expired and the retry ran the handler.
    expect(effectsOf('crash-')).toEqual(events.map(() => 2));
  }, 60_000);

  it('a completion the store fails to write: acknowledged with recorded: false, and a redelivery applies the effect again', async () => {
    const events = Array.from({ length: FAULTED_EVENTS }, (_, i) => `lost-${i}`);
    const first = await Promise.all(events.map((eventId) => deliver(eventId, { fault: 'lose-completion', lease: SHORT_LEASE })));
    // The sender got its 200 and would stop; the handler said so to the logs (recorded: false).
    expect(first).toEqual(events.map(() => ({ status: 200, outcome: 'processed', recorded: false })));
    expect(effectsOf('lost-')).toEqual(events.map(() => 1));

    // Senders deliver events twice anyway: the claim left behind answers 409 until its lease expires ...
    const { answers } = await sendAll(events, { lease: SHORT_LEASE, backoffMs: 50 });
    expect(answers.processed).toBe(FAULTED_EVENTS);
    // ... and then the redelivery is processed as new: every effect twice.
    expect(effectsOf('lost-')).toEqual(events.map(() => 2));

    // A redelivery of an event whose completion was recorded runs nothing (the contrast).
    const again = await sendAll(events, { lease: SHORT_LEASE });
    expect(again.answers).toEqual({ duplicate: FAULTED_EVENTS });
    expect(effectsOf('lost-')).toEqual(events.map(() => 2));
  }, 60_000);
});
