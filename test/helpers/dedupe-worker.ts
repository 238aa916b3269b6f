// A webhook worker process for the multi-process dedupe test: its own Redis connection, its
// own deduplicator, and deliveries arriving over IPC instead of HTTP. Started by
// test/dedupe/redis/redis-workers.test.ts with child_process.fork.
import { createDeduplicator, dedupeHttpStatus } from '../../src/dedupe/index.js';
import { createRedisStore } from '../../src/dedupe/redis/index.js';
import { connectRedis, type RedisLibrary } from './redis-clients.js';

/** A delivery sent by the parent (the simulated sender). */
export interface DeliverMessage {
  readonly type: 'deliver';
  readonly request: number;
  readonly eventId: string;
  /** Chance that the handler throws before its side effect. */
  readonly failRate: number;
}

/** What a worker sends back. */
export type WorkerMessage =
  | { readonly type: 'ready' }
  /** The handler's side effect: the parent counts these per event. */
  | { readonly type: 'effect'; readonly eventId: string; readonly worker: number }
  | { readonly type: 'response'; readonly request: number; readonly status: number; readonly outcome: string };

const port = Number(process.env.REDIS_PORT);
const library = process.env.REDIS_LIBRARY as RedisLibrary;
const worker = Number(process.env.WORKER_INDEX);
const prefix = process.env.DEDUPE_PREFIX!;

const send = (message: WorkerMessage) => process.send!(message);

const connected = await connectRedis(library, port);
const dedupe = createDeduplicator({ store: createRedisStore({ client: connected.client, prefix }), lease: '10s' });

process.on('message', (message: DeliverMessage | { type: 'stop' }) => {
  if (message.type === 'stop') {
    void connected.close().then(() => process.exit(0));
    return;
  }
  void dedupe
    .run({ sender: 'peridio', id: message.eventId }, async () => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
      if (Math.random() < message.failRate) throw new Error('the handler failed (simulated)');
      send({ type: 'effect', eventId: message.eventId, worker });
    })
    .then((outcome) => send({ type: 'response', request: message.request, status: dedupeHttpStatus(outcome), outcome: outcome.status }));
});

send({ type: 'ready' });
