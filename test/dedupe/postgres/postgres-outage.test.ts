// PostgreSQL stopped mid-run (a fast shutdown, as `pg_ctl stop -m fast` does) under a real
// receiver on 127.0.0.1: the sender is answered 503 store_unavailable, nothing is marked done
// (not even the delivery whose transaction was open when the server went), and once the server
// is back the sender's retries are processed, each effect once. It runs on a cluster of its own,
// since it stops it.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventPrn, releaseChangedBody, signPeridio } from '../../adapters/fixtures.js';
import { migrateEffects, startPostgresReceiver, type PostgresReceiver } from '../../helpers/postgres-receiver.js';
import { postgresUnavailableReason, startPostgresServer, type PostgresServer } from '../../helpers/postgres-server.js';
import type { SignedDelivery } from '../../../src/testing/index.js';

const skip = postgresUnavailableReason() !== undefined;

describe.skipIf(skip)('hookverify/postgres while PostgreSQL is stopped and started again', () => {
  let server: PostgresServer;
  let pool: pg.Pool;
  let receiver: PostgresReceiver;
  /** Deliveries whose handler waits, inside its transaction, until the test lets it go. */
  const held = new Map<string, () => Promise<void>>();

  beforeAll(async () => {
    server = await startPostgresServer();
    pool = new pg.Pool({ connectionString: server.url(), connectionTimeoutMillis: 1000 });
    pool.on('error', () => {});
    await migrateEffects(pool);
    // A short lease: the claim of the delivery cut off mid-transaction could not be released, and
    // its retry waits for the lease to end.
    receiver = await startPostgresReceiver({ pool, lease: '2s', storeTimeout: '1s', afterEffect: (prn) => held.get(prn)?.() });
  }, 60_000);
  afterAll(async () => {
    await receiver?.close();
    await pool?.end();
    await server?.stop();
  });

  async function post(delivery: SignedDelivery): Promise<{ status: number; body: unknown }> {
    const response = await fetch(receiver.url, { method: 'POST', headers: delivery.headers, body: delivery.body });
    return { status: response.status, body: await response.json() };
  }
  const sign = async (prns: string[]) => Promise.all(prns.map((prn) => signPeridio(releaseChangedBody(prn))));
  async function effects(prns: string[]): Promise<number[]> {
    const { rows } = await pool.query<{ event_id: string; n: number }>(
      'select event_id, count(*)::int as n from effects where event_id = any($1) group by event_id',
      [prns],
    );
    const counts = new Map(rows.map((row) => [row.event_id, row.n]));
    return prns.map((prn) => counts.get(prn) ?? 0);
  }
  async function doneCount(prns: string[]): Promise<number> {
    const keys = prns.map((prn) => `peridio:${prn}`);
    const { rows } = await pool.query<{ n: number }>('select count(*)::int as n from hookverify_dedupe where completed and key = any($1)', [keys]);
    return rows[0]!.n;
  }

  it('answers 503 store_unavailable while it is down, marks nothing done, and processes every retry once it is back', async () => {
    const before = Array.from({ length: 10 }, () => eventPrn());
    for (const delivery of await sign(before)) expect((await post(delivery)).status).toBe(200);

    // One delivery is mid-transaction (its effect written, not committed) when the server stops.
    const inFlight = eventPrn();
    let reached!: () => void;
    const atEffect = new Promise<void>((resolve) => (reached = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    held.set(inFlight, () => (reached(), released));
    const [inFlightDelivery] = await sign([inFlight]);
    const inFlightAnswer = post(inFlightDelivery!);
    await atEffect;
    await server.pause();
    release();
    expect(await inFlightAnswer).toEqual({ status: 503, body: expect.objectContaining({ error: 'store_unavailable' }) });

    const during = Array.from({ length: 10 }, () => eventPrn());
    const duringDeliveries = await sign(during);
    for (const delivery of duringDeliveries) {
      expect(await post(delivery)).toEqual({ status: 503, body: expect.objectContaining({ error: 'store_unavailable' }) });
    }

    await server.resume();
    const refused = [inFlight, ...during];
    // Nothing of what was refused was marked done or applied.
    expect(await doneCount(refused)).toBe(0);
    expect(await effects(refused)).toEqual(refused.map(() => 0));

    // The sender retries; the pool reconnects on its own. The cut-off delivery's claim could not
    // be released while the server was down: it is 409 in_progress until its lease ends.
    const retryAnswers: number[] = [];
    for (const delivery of [inFlightDelivery!, ...duringDeliveries]) {
      let answer = await post(delivery);
      retryAnswers.push(answer.status);
      for (let attempt = 0; answer.status !== 200 && attempt < 50; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        answer = await post(delivery);
      }
      expect(answer.status).toBe(200);
    }
    expect(retryAnswers.slice(1)).toEqual(during.map(() => 200));
    expect(await doneCount(refused)).toBe(refused.length);
    expect(await effects([...before, ...refused])).toEqual([...before, ...refused].map(() => 1));
  }, 60_000);
});
