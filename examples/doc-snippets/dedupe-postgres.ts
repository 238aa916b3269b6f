import pg from 'pg';
import { createWebhookReceiver } from 'hookverify';
import { createFetchHandler } from 'hookverify/fetch';
import { createPostgresDeduplicator, migratePostgresStore } from 'hookverify/postgres';
import { createPeridioVerifier, peridio } from 'hookverify/peridio';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
pool.on('error', (error) => console.warn('an idle Postgres connection failed', error)); // pg asks for this
await migratePostgresStore(pool); // creates hookverify_dedupe if it is missing

const receiver = createWebhookReceiver({
  verifier: createPeridioVerifier({ secret: process.env.PERIDIO_WEBHOOK_SECRET }),
  dedupe: createPostgresDeduplicator({ pool, retention: peridio }),
  // `tx` is a pg.PoolClient inside BEGIN: these writes and the event's done mark commit together.
  handle: async (payload, { delivery, tx }) => {
    await tx.query('insert into webhook_events (id, body) values ($1, $2)', [delivery.id, payload]);
  },
});

export const POST = createFetchHandler(receiver);
