// Durable processing through PostgreSQL, end to end over HTTP on loopback: acknowledged
// deliveries per second and request latency (p50, p99) of the Express pipeline with
// hookverify/postgres's transactional deduplicator (claim, BEGIN, one effect row, done mark,
// COMMIT per delivery) next to the same pipeline with the in-memory deduplicator. A fresh
// PostgreSQL cluster (test/helpers/postgres-server.ts; fsync off, as in tests: this measures
// the path, not a disk) and both servers run in their own processes; autocannon runs here.
// Every request is a distinct, correctly signed Peridio event (hookverify/testing signs them
// before timing). At the end the effect rows are counted: one per event, none twice.
//
//   node bench/run.mjs bench/durable-postgres.ts [--seconds 5] [--rounds 3] [--out bench/results/durable-postgres.json]
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import pg from 'pg';
import { peridio } from '../src/senders/peridio/index.js';
import { signDelivery, type SignedDelivery } from '../src/testing/index.js';
import { startPostgresServer } from '../test/helpers/postgres-server.js';
import { autocannon, option, type AutocannonRequest } from './autocannon.js';
import { bundle } from './bundle.mjs';
import { peridioEventBody, PERIDIO_SECRETS } from './fixtures.js';
import { median } from './harness.js';

const seconds = Number(option('--seconds', '5'));
const rounds = Number(option('--rounds', '3'));
const out = option('--out', 'bench/results/durable-postgres.json');
const connections = 10;
const PATH = '/webhooks/peridio';
const SECRET = PERIDIO_SECRETS[0];
const VARIANTS = ['memory', 'postgres'] as const;
type Variant = (typeof VARIANTS)[number];

// Signed before timing, enough for every run of every variant at 8,000 a second (the in-memory
// pipeline reached 5,300 on a quiet machine, past what 4,000 for one variant allowed): each
// request takes the next one.
const template = peridioEventBody(1024).toString('utf8');
const templateId = /event:([0-9a-f-]{36})/.exec(template)![1]!;
const signed: SignedDelivery[] = [];
const needed = Math.ceil((rounds * seconds + 2) * VARIANTS.length * 8000);
for (let i = 0; i < needed; i++) {
  signed.push(await signDelivery(peridio, { secret: SECRET, body: template.replace(templateId, globalThis.crypto.randomUUID()) }));
}
let next = 0;
function nextRequest(request: AutocannonRequest): AutocannonRequest {
  const delivery = signed[next++];
  if (!delivery) throw new Error('ran out of signed deliveries; sign more before timing');
  return { ...request, path: PATH, method: 'POST', body: delivery.body, headers: delivery.headers };
}

const cluster = await startPostgresServer();
const serverScript = await bundle(process.cwd(), 'bench/durable-postgres-server.ts');
const results: Record<string, unknown> = {};
const check = new pg.Pool({ connectionString: cluster.url() });

async function start(variant: Variant): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(serverScript, [variant], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: { ...process.env, PERIDIO_WEBHOOK_SECRET: SECRET, DATABASE_URL: cluster.url(), POOL_SIZE: String(connections) },
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`${variant} server exited with ${code}`)));
  });
  return { child, url: `http://127.0.0.1:${port}${PATH}` };
}

const load = (url: string, duration: number) =>
  autocannon({ url, connections, duration, requests: [{ method: 'POST', setupRequest: nextRequest }] });

try {
  const servers = { memory: await start('memory'), postgres: await start('postgres') };
  const rps: Record<Variant, number[]> = { memory: [], postgres: [] };
  const p50: Record<Variant, number[]> = { memory: [], postgres: [] };
  const p99: Record<Variant, number[]> = { memory: [], postgres: [] };
  let acknowledgedByPostgres = 0;
  try {
    for (const variant of VARIANTS) {
      const warm = await load(servers[variant].url, 1);
      if (variant === 'postgres') acknowledgedByPostgres += warm['2xx'];
    }
    for (let round = 0; round < rounds; round++) {
      for (let k = 0; k < VARIANTS.length; k++) {
        const variant = VARIANTS[(k + round) % VARIANTS.length]!;
        const result = await load(servers[variant].url, seconds);
        if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
          throw new Error(`${variant}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
        }
        if (variant === 'postgres') acknowledgedByPostgres += result['2xx'];
        rps[variant].push(result.requests.average);
        p50[variant].push(result.latency.p50);
        p99[variant].push(result.latency.p99);
        console.error(`${variant}: ${Math.round(result.requests.average)} acknowledged/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`);
      }
    }
  } finally {
    for (const { child } of Object.values(servers)) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.disconnect();
      await exited;
    }
  }
  const { rows } = await check.query<{ n: number; distinct: number }>('select count(*)::int as n, count(distinct event_id)::int as distinct from effects');
  // autocannon stops counting at the end of each run while up to `connections` requests are
  // still in flight; those are processed but not counted as acknowledged.
  const runs = rounds + 1;
  if (rows[0]!.distinct !== rows[0]!.n || rows[0]!.n < acknowledgedByPostgres || rows[0]!.n > acknowledgedByPostgres + connections * runs) {
    throw new Error(`${acknowledgedByPostgres} deliveries acknowledged, but ${rows[0]!.n} effect rows (${rows[0]!.distinct} distinct)`);
  }
  for (const variant of VARIANTS) {
    results[variant] = {
      acknowledgedPerSecond: Math.round(median(rps[variant])),
      p50Ms: median(p50[variant]),
      p99Ms: median(p99[variant]),
      rounds: rps[variant].map(Math.round),
    };
  }
  results.effectRows = rows[0]!.n;
} finally {
  await check.end();
  await cluster.stop();
  rmSync(serverScript, { force: true });
}

const meta = {
  date: new Date().toISOString(),
  node: process.version,
  seconds,
  rounds,
  connections,
  body: '1 KB Peridio event, unique PRN per request',
  // Other processes on the machine change these figures more than anything measured here.
  loadAverage: loadavg()[0]!.toFixed(1),
  cores: cpus().length,
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ meta, results }, null, 2)}\n`);
const row = (name: string, variant: Variant) => {
  const r = results[variant] as { acknowledgedPerSecond: number; p50Ms: number; p99Ms: number };
  return `| ${name} | ${r.acknowledgedPerSecond} | ${r.p50Ms} ms | ${r.p99Ms} ms |`;
};
console.log('| pipeline (Express, loopback, 10 connections) | acknowledged deliveries/s | p50 | p99 |');
console.log('|---|---:|---:|---:|');
console.log(row('in-memory dedupe, handler does nothing', 'memory'));
console.log(row('hookverify/postgres transaction, one effect row', 'postgres'));
console.log(`(${results.effectRows} effect rows, one per event processed, none twice)`);
