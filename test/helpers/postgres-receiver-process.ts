// One receiver process of the Postgres crash test (test/dedupe/postgres/postgres-crash.test.ts):
// a real HTTP endpoint on 127.0.0.1 whose handler writes its effect in the transaction of
// hookverify/postgres. It kills itself (SIGKILL) at random points where a crash hurts most: after
// the effect was written but before the commit, and after the commit but before the answer.
import pg from 'pg';
import type { Duration } from '../../src/core/duration.js';
import { startPostgresReceiver } from './postgres-receiver.js';

/** What the process tells its parent once it listens. */
export interface ReceiverReady {
  readonly type: 'ready';
  readonly port: number;
}

const worker = Number(process.env.WORKER_INDEX);
const crashInTransaction = Number(process.env.CRASH_IN_TRANSACTION ?? 0);
const crashAfterCommit = Number(process.env.CRASH_AFTER_COMMIT ?? 0);

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 8 });
pool.on('error', () => {});
const receiver = await startPostgresReceiver({
  pool,
  worker,
  lease: (process.env.LEASE ?? '1s') as Duration,
  afterEffect: () => {
    if (Math.random() < crashInTransaction) process.kill(process.pid, 'SIGKILL');
  },
  hooks: {
    // Called once the transaction committed, before the response is written.
    onOutcome: (outcome) => {
      if (outcome.code === 'processed' && Math.random() < crashAfterCommit) process.kill(process.pid, 'SIGKILL');
    },
  },
});
process.on('message', (message: { type: string }) => {
  if (message.type === 'stop') void receiver.close().then(() => pool.end()).then(() => process.exit(0));
});
const ready: ReceiverReady = { type: 'ready', port: receiver.port };
process.send!(ready);
