// A worker process of the pg-boss crash test. Completions are recorded by a hookverify/postgres
// store in the same database; the handler's side effect and each recorded completion are
// counted in tables of their own, so the parent can count them across processes SIGKILLed at
// random points. Events in crash_poison always fail; others fail once, on their first
// attempt, now and then.
import pg from 'pg';
import PgBoss from 'pg-boss';
import { createPostgresStore } from '../../src/dedupe/postgres/index.js';
import type { DedupeStore } from '../../src/dedupe/index.js';
import { createPgBossWorker } from '../../src/durable/pg-boss/index.js';
import { peridioEvents } from '../../src/senders/peridio/events/index.js';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL!, max: 12 });
pool.on('error', () => {});
const postgresStore = createPostgresStore({ pool });
const store: DedupeStore = {
  claim: (key, token, leaseMs) => postgresStore.claim(key, token, leaseMs),
  release: (key, token) => postgresStore.release(key, token),
  async complete(key, token, retentionMs) {
    const recorded = await postgresStore.complete(key, token, retentionMs);
    if (recorded) await pool.query('INSERT INTO crash_completions (key) VALUES ($1)', [key]);
    return recorded;
  },
};
// Maintenance every second: a killed worker's job expires (expireInSeconds: 3) and is retried.
const boss = new PgBoss({ connectionString: process.env.DATABASE_URL!, maintenanceIntervalSeconds: 1, max: 12 });
boss.on('error', () => {});
await boss.start();
await createPgBossWorker({
  boss,
  queueName: process.env.QUEUE_NAME!,
  concurrency: 8,
  pollingIntervalSeconds: 0.5,
  events: peridioEvents,
  store,
  lease: '2s',
  postponeDelay: '200ms',
  async handle(_event, { job, attempt }) {
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 4));
    const poisoned = await pool.query('SELECT 1 FROM crash_poison WHERE prn = $1', [job.deliveryId]);
    if (poisoned.rowCount) throw new Error('poison event (simulated)');
    if (attempt === 1 && Math.random() < 0.05) throw new Error('transient failure (simulated)');
    await pool.query('INSERT INTO crash_effects (prn) VALUES ($1)', [job.deliveryId]);
  },
});
process.on('message', (message: { type: string }) => {
  if (message.type === 'stop') void boss.stop({ graceful: false, wait: true }).then(() => process.exit(0));
});
process.send!({ type: 'ready' });
