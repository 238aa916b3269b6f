// Exactly-once effects on the Postgres transactional path, under crashes. Three receiver
// processes (test/helpers/postgres-receiver-process.ts) share one database behind a simulated
// load balancer; a simulated sender posts 2,000 signed Peridio deliveries (1,600 events, 20%
// duplicates, in random order) and retries every non-2xx answer and every lost connection after
// a random backoff, so retries arrive out of order. Meanwhile the test SIGKILLs a random receiver
// every few hundred milliseconds, and the receivers kill themselves at random between writing
// an effect and committing it, and between committing and answering. A supervisor restarts each.
// At the end every event's effect row must exist exactly once: none lost, none applied twice.
// HOOKVERIFY_LONG_CRASH_TEST=1 runs 20,000 deliveries instead.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventPrn, releaseChangedBody, signPeridio } from '../../adapters/fixtures.js';
import { shuffledDeliveries } from '../../helpers/concurrent-deliveries.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/postgres-database.js';
import { migrateEffects } from '../../helpers/postgres-receiver.js';
import type { ReceiverReady } from '../../helpers/postgres-receiver-process.js';
import { postgresUnavailableReason } from '../../helpers/postgres-server.js';
import type { SignedDelivery } from '../../../src/testing/index.js';

const skip = postgresUnavailableReason() !== undefined;
const LONG = process.env.HOOKVERIFY_LONG_CRASH_TEST === '1';
const DELIVERIES = LONG ? 20_000 : 2_000;
const EVENTS = Math.round(DELIVERIES * 0.8);
const RECEIVERS = 3;
const SENDER_CONCURRENCY = 24;
const MAX_ATTEMPTS = 200;
const KILLS = LONG ? 30 : 6;
const SOURCE = fileURLToPath(new URL('../../helpers/postgres-receiver-process.ts', import.meta.url));

describe.skipIf(skip)('exactly-once effects through hookverify/postgres while receivers are killed', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let bundle: string;
  const cacheDir = fileURLToPath(new URL('../../../node_modules/.cache/', import.meta.url));
  mkdirSync(cacheDir, { recursive: true });
  const bundleDir = mkdtempSync(join(cacheDir, 'hookverify-pg-receivers-'));
  /** The live receivers' ports, by slot; undefined while a slot restarts. */
  const ports: (number | undefined)[] = [];
  const children: (ChildProcess | undefined)[] = [];
  let stopping = false;
  let deaths = 0;

  function spawnReceiver(slot: number): Promise<void> {
    const child = fork(bundle, {
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        WORKER_INDEX: String(slot),
        LEASE: '1s',
        CRASH_IN_TRANSACTION: '0.002',
        CRASH_AFTER_COMMIT: '0.002',
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    children[slot] = child;
    return new Promise((resolve, reject) => {
      let ready = false;
      child.once('exit', (code, signal) => {
        ports[slot] = undefined;
        if (!ready) return reject(new Error(`receiver ${slot} exited with ${code ?? signal} before it listened`));
        deaths++;
        // The supervisor: a dead receiver is started again.
        if (!stopping) void spawnReceiver(slot);
      });
      child.on('message', (message: ReceiverReady) => {
        ready = true;
        ports[slot] = message.port;
        resolve();
      });
    });
  }

  beforeAll(async () => {
    bundle = join(bundleDir, 'receiver.mjs');
    await build({
      entryPoints: [SOURCE],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: ['pg', 'zod'],
      logLevel: 'error',
    });
    database = await createTestDatabase();
    pool = database.pool();
    await migrateEffects(pool);
    await Promise.all(Array.from({ length: RECEIVERS }, (_, slot) => spawnReceiver(slot)));
  }, 60_000);

  afterAll(async () => {
    stopping = true;
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.send({ type: 'stop' });
            setTimeout(() => child.kill('SIGKILL'), 3000).unref();
          }),
      ),
    );
    await database?.drop();
    rmSync(bundleDir, { recursive: true, force: true });
  });

  /** One attempt, through the load balancer: any live receiver. 0 when the connection was lost. */
  async function post(delivery: SignedDelivery): Promise<number> {
    const live = ports.filter((port): port is number => port !== undefined);
    if (live.length === 0) return 0;
    const port = live[Math.floor(Math.random() * live.length)];
    try {
      const response = await fetch(`http://127.0.0.1:${port}/webhooks/peridio`, {
        method: 'POST',
        headers: delivery.headers,
        body: delivery.body,
        signal: AbortSignal.timeout(10_000),
      });
      await response.arrayBuffer();
      return response.status;
    } catch {
      return 0;
    }
  }

  it(
    `applies each of ${EVENTS} events' effect exactly once over ${DELIVERIES} deliveries, with receivers killed throughout`,
    async () => {
      const prns = Array.from({ length: EVENTS }, () => eventPrn());
      const signed = new Map<string, SignedDelivery>();
      for (const prn of prns) signed.set(prn, await signPeridio(releaseChangedBody(prn)));
      const queue = shuffledDeliveries(EVENTS, DELIVERIES).map((id) => prns[Number(id.slice(4))]!);

      let finished = false;
      let acknowledged = 0;
      let kills = 0;
      // Six kills at random points of the run (by deliveries acknowledged), each of a random live receiver.
      const killPoints = Array.from({ length: KILLS }, () => Math.floor(DELIVERIES * (0.05 + 0.85 * Math.random()))).sort((a, b) => a - b);
      const chaos = (async () => {
        while (!finished && killPoints.length > 0) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          if (acknowledged < killPoints[0]!) continue;
          const live = children.filter((child, slot) => child !== undefined && ports[slot] !== undefined);
          if (live.length > 0 && live[Math.floor(Math.random() * live.length)]!.kill('SIGKILL')) {
            kills++;
            killPoints.shift();
          }
        }
      })();

      const statuses: Record<number, number> = {};
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: SENDER_CONCURRENCY }, async () => {
          while (next < queue.length) {
            const prn = queue[next++]!;
            for (let attempt = 1; ; attempt++) {
              const status = await post(signed.get(prn)!);
              statuses[status] = (statuses[status] ?? 0) + 1;
              if (status >= 200 && status < 300) {
                acknowledged++;
                break;
              }
              if (attempt === MAX_ATTEMPTS) throw new Error(`${prn} refused ${MAX_ATTEMPTS} times (last ${status})`);
              await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 200));
            }
          }
        }),
      );
      finished = true;
      await chaos;
      const seconds = (performance.now() - started) / 1000;

      const { rows } = await pool.query<{ event_id: string; n: number }>('select event_id, count(*)::int as n from effects group by event_id');
      const counts = new Map(rows.map((row) => [row.event_id, row.n]));
      const lost = prns.filter((prn) => !counts.has(prn)).length;
      const twice = rows.filter((row) => row.n > 1).length;
      const done = await pool.query<{ n: number }>("select count(*)::int as n from hookverify_dedupe where completed and key like 'peridio:%'");
      console.info(
        `postgres crash test: ${DELIVERIES} deliveries of ${EVENTS} events in ${seconds.toFixed(1)} s; ` +
          `${kills} kills by the test, ${deaths} receiver deaths in all; answers ${JSON.stringify(statuses)}; lost ${lost}, applied twice ${twice}`,
      );
      expect(kills).toBe(KILLS);
      // Some deaths came from the receivers themselves, mid-transaction or after the commit.
      expect(deaths).toBeGreaterThan(kills);
      // Connections were lost and retried: the crashes were on the delivery path, not beside it.
      expect(statuses[0]).toBeGreaterThan(0);
      expect(lost).toBe(0);
      expect(twice).toBe(0);
      expect(rows).toHaveLength(EVENTS);
      expect(done.rows[0]!.n).toBe(EVENTS);
    },
    LONG ? 600_000 : 120_000,
  );
});
