// A Peridio webhook endpoint whose handler writes one effect row per event in the transaction
// that marks the event done (hookverify/postgres), served by node:http on 127.0.0.1 through the
// Express adapter. The in-process Postgres tests and the crash test's receiver processes use it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import type { Duration } from '../../src/core/duration.js';
import { createWebhookReceiver, type ReceiverHooks } from '../../src/index.js';
import { createExpressHandler } from '../../src/adapters/express/index.js';
import { createPostgresDeduplicator, migratePostgresStore } from '../../src/dedupe/postgres/index.js';
import { createPeridioVerifier } from '../../src/senders/peridio/index.js';
import { PERIDIO_SECRET } from '../adapters/fixtures.js';

export interface PostgresReceiver {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export interface PostgresReceiverOptions {
  readonly pool: pg.Pool;
  readonly lease?: Duration;
  readonly storeTimeout?: Duration;
  /** Runs inside the transaction after the effect row is written (to fail, wait or crash there). */
  readonly afterEffect?: (eventId: string) => unknown;
  readonly hooks?: ReceiverHooks;
  /** Written into each effect row, to tell receiver processes apart. */
  readonly worker?: number;
}

/** The effect table: deliberately without a unique key, so an effect applied twice is two rows. */
export async function migrateEffects(pool: pg.Pool): Promise<void> {
  await migratePostgresStore(pool);
  await pool.query('create table if not exists effects (event_id text not null, worker int not null, at timestamptz not null default now())');
}

export async function startPostgresReceiver(options: PostgresReceiverOptions): Promise<PostgresReceiver> {
  const receiver = createWebhookReceiver({
    verifier: createPeridioVerifier({ secret: PERIDIO_SECRET }),
    dedupe: createPostgresDeduplicator({
      pool: options.pool,
      ...(options.lease === undefined ? {} : { lease: options.lease }),
      ...(options.storeTimeout === undefined ? {} : { storeTimeout: options.storeTimeout }),
    }),
    handle: async (_payload, { delivery, tx }) => {
      await tx.query('insert into effects (event_id, worker) values ($1, $2)', [delivery.id, options.worker ?? 0]);
      await options.afterEffect?.(delivery.id!);
    },
    ...(options.hooks === undefined ? {} : { hooks: options.hooks }),
  });
  const handler = createExpressHandler(receiver);
  // A plain node:http request always has its method; only the type allows none.
  const server: Server = createServer((req, res) => handler(req as typeof req & { method: string }, res, () => res.writeHead(500).end()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}/webhooks/peridio`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
