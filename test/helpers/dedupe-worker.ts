// A webhook worker process for the multi-process dedupe test: its own Redis connection, its
// own deduplicator, and deliveries arriving over IPC instead of HTTP. Started by
// test/dedupe/redis/redis-workers.test.ts with child_process.fork.
import type { Duration } from '../../src/core/duration.js';
import { createDeduplicator, dedupeHttpStatus, type DedupeStore, type Deduplicator } from '../../src/dedupe/index.js';
import { createRedisStore } from '../../src/dedupe/redis/index.js';
import { connectRedis, type RedisLibrary } from './redis-clients.js';

/**
 * What goes wrong with a delivery, on purpose:
 * - `none`: nothing, unless `failRate` says the handler throws before its side effect;
 * - `crash-after-effect`: the side effect happens, then the process is killed (SIGKILL) before
 *   the deduplicator can record the completion;
 * - `lose-completion`: the side effect happens, then the store's write of the completion fails.
 */
export type Fault = 'none' | 'crash-after-effect' | 'lose-completion';

/** A delivery sent by the parent (the simulated sender). */
export interface DeliverMessage {
  readonly type: 'deliver';
  readonly request: number;
  readonly eventId: string;
  /** Chance that the handler throws before its side effect. */
  readonly failRate: number;
  readonly fault: Fault;
  /** The deduplicator's lease for this delivery, e.g. `"10s"`. */
  readonly lease: Duration;
}

/** What a worker sends back. */
export type WorkerMessage =
  | { readonly type: 'ready' }
  /** The handler's side effect: the parent counts these per event. */
  | { readonly type: 'effect'; readonly eventId: string; readonly worker: number }
  | { readonly type: 'response'; readonly request: number; readonly status: number; readonly outcome: string; readonly recorded?: boolean };

const port = Number(process.env.REDIS_PORT);
const library = process.env.REDIS_LIBRARY as RedisLibrary;
const worker = Number(process.env.WORKER_INDEX);
const prefix = process.env.DEDUPE_PREFIX!;

const send = (message: WorkerMessage) => new Promise<void>((resolve) => process.send!(message, () => resolve()));

const connected = await connectRedis(library, port);
const redisStore = createRedisStore({ client: connected.client, prefix });
/** Keys whose next completion write fails, as a connection reset in mid-command would. */
const failingCompletions = new Set<string>();
const store: DedupeStore = {
  claim: (key, token, leaseMs) => redisStore.claim(key, token, leaseMs),
  complete: (key, token, retentionMs) => {
    if (failingCompletions.delete(key)) return Promise.reject(new Error('ECONNRESET while writing the completion (simulated)'));
    return redisStore.complete(key, token, retentionMs);
  },
  release: (key, token) => redisStore.release(key, token),
};
const deduplicators = new Map<Duration, Deduplicator>();
const dedupeWith = (lease: Duration) => {
  let found = deduplicators.get(lease);
  if (!found) deduplicators.set(lease, (found = createDeduplicator({ store, lease })));
  return found;
};

process.on('message', (message: DeliverMessage | { type: 'stop' }) => {
  if (message.type === 'stop') {
    void connected.close().then(() => process.exit(0));
    return;
  }
  const key = `peridio:${message.eventId}`;
  void dedupeWith(message.lease)
    .run({ sender: 'peridio', id: message.eventId }, async () => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
      if (Math.random() < message.failRate) throw new Error('the handler failed (simulated)');
      await send({ type: 'effect', eventId: message.eventId, worker });
      if (message.fault === 'crash-after-effect') process.kill(process.pid, 'SIGKILL');
      if (message.fault === 'lose-completion') failingCompletions.add(key);
    })
    .then((outcome) =>
      send({
        type: 'response',
        request: message.request,
        status: dedupeHttpStatus(outcome),
        outcome: outcome.status,
        ...(outcome.status === 'processed' ? { recorded: outcome.recorded } : {}),
      }),
    );
});

void send({ type: 'ready' });
