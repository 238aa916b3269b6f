// One HTTP server for the Postgres durable-processing benchmark, in its own process: the Express
// adapter and the whole pipeline (verify, dedupe, handler), with either the in-memory
// deduplicator and a handler that does nothing, or hookverify/postgres's transactional
// deduplicator and a handler that writes one row through `tx`. Reports its port over IPC.
//
//   DATABASE_URL=... node bench/run.mjs bench/durable-postgres-server.ts <memory|postgres>
import express from 'express';
import pg from 'pg';
import { createWebhookReceiver } from '../src/core/pipeline/create-webhook-receiver.js';
import { createExpressHandler } from '../src/adapters/express/index.js';
import { createDeduplicator } from '../src/dedupe/index.js';
import { createPostgresDeduplicator, migratePostgresStore } from '../src/dedupe/postgres/index.js';
import { createPeridioVerifier, peridio } from '../src/senders/peridio/index.js';

const variant = process.argv[2];
const verifier = createPeridioVerifier({ secret: process.env.PERIDIO_WEBHOOK_SECRET });
let receiver;
if (variant === 'postgres') {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 10) });
  pool.on('error', () => {});
  await migratePostgresStore(pool);
  await pool.query('create table if not exists effects (event_id text not null, at timestamptz not null default now())');
  receiver = createWebhookReceiver({
    verifier,
    dedupe: createPostgresDeduplicator({ pool, retention: peridio }),
    handle: async (_payload, { delivery, tx }) => {
      await tx.query('insert into effects (event_id) values ($1)', [delivery.id]);
    },
  });
} else {
  receiver = createWebhookReceiver({ verifier, dedupe: createDeduplicator({ retention: peridio }), handle: () => undefined });
}

const app = express();
app.post('/webhooks/peridio', createExpressHandler(receiver));
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send!({ port: typeof address === 'object' && address ? address.port : 0 });
});
process.on('disconnect', () => server.close(() => process.exit(0)));
