// The receiver process of the pg-boss crash test: acknowledge-first on 127.0.0.1:$PORT, sending
// each verified delivery to the pg-boss queue in $DATABASE_URL. Started (and, after its SIGKILL,
// started again) by test/durable/pg-boss/pg-boss-crash.test.ts.
import PgBoss from 'pg-boss';
import { createPgBossHandoff } from '../../src/durable/pg-boss/index.js';
import { startQueueReceiver } from './queue-receiver.js';

// Sending only: no maintenance or scheduling in this process.
const boss = new PgBoss({ connectionString: process.env.DATABASE_URL!, supervise: false, schedule: false, migrate: false, max: 8 });
boss.on('error', () => {});
await boss.start();
const handoff = createPgBossHandoff(boss, process.env.QUEUE_NAME!, { attempts: 4, retryDelay: 0, retryBackoff: false, expireInSeconds: 3 });
await startQueueReceiver(handoff, { port: Number(process.env.PORT) });
process.send!({ type: 'ready' });
process.on('message', (message: { type: string }) => {
  if (message.type === 'stop') void boss.stop({ graceful: false, wait: true }).then(() => process.exit(0));
});
