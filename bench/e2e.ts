// End to end over HTTP on loopback: the Express and Fastify example routes (verification,
// typed events, dedupe, router) against the same framework's bare route answering 200 on the
// same body (Express reads it raw; Fastify's own JSON parser reads and parses it). Servers run
// in their own process; autocannon runs here. Every request carries a fresh, correctly signed
// 1 KB Peridio event with its own PRN, as a fleet sends them.
// A third route, the same adapter and pipeline with verification only, splits the cost; a
// fourth, the bare route with bench/floors.ts's hand-written node:crypto verification and
// JSON.parse added, is what verifying costs over HTTP with no library at all.
// Variants run in a rotating order and the medians are compared. Each server also reports the
// CPU time it spent per request (process.cpuUsage over the run): with the load generator on the
// same 2 cores, requests per second also measure how the two processes share them.
//
// `--variants` runs other routes of bench/e2e-server.ts side by side, for a breakdown (the first
// is the one ratios are taken to); RESULTS.md reads the default set.
//
//   node bench/run.mjs bench/e2e.ts [--seconds 3] [--rounds 3] [--out bench/results/e2e.json]
//     [--frameworks express,fastify] [--variants bare,hookverify,verify-only,floor]
import { fork, type ChildProcess } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { autocannon, option, type AutocannonResult } from './autocannon.js';
import { bundle } from './bundle.mjs';
import { peridioEventBody, PERIDIO_SECRETS } from './fixtures.js';
import { median } from './harness.js';

const seconds = Number(option('--seconds', '3'));
const rounds = Number(option('--rounds', '3'));
const out = option('--out', 'bench/results/e2e.json');
const frameworks = option('--frameworks', 'express,fastify').split(',');
const VARIANTS = option('--variants', 'bare,hookverify,verify-only,floor').split(',');
const connections = 10;
const PATH = '/webhooks/peridio';
const SECRET = PERIDIO_SECRETS[0];
const KEY = Buffer.from(SECRET, 'hex');

// One 1 KB body whose event id is replaced per request (same length, so always 1 KB).
const template = peridioEventBody(1024).toString('utf8');
const templateId = /event:([0-9a-f-]{36})/.exec(template)![1]!;

function signedRequest(tamper = false): { body: string; headers: Record<string, string> } {
  const body = template.replace(templateId, randomUUID());
  const publishedAt = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const signature = createHmac('sha256', KEY).update(publishedAt).update(body).digest('hex').toUpperCase();
  return {
    body: tamper ? body.replace('nominal', 'nominaL') : body,
    headers: { 'content-type': 'application/json', 'peridio-published-at': publishedAt, 'peridio-signature': signature },
  };
}

interface Server {
  readonly child: ChildProcess;
  readonly url: string;
}

async function start(script: string, framework: string, variant: string): Promise<Server> {
  const child = fork(script, [framework, variant], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: { ...process.env, PERIDIO_WEBHOOK_SECRET: SECRET },
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`${framework} ${variant} server exited with ${code}`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

async function stop(server: Server): Promise<void> {
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.disconnect();
  await exited;
}

/** Before timing: a valid delivery is answered 2xx, a tampered one 401 (the bare routes: always 200). */
async function sanity(server: Server, variant: string): Promise<void> {
  const valid = signedRequest();
  const ok = await fetch(server.url + PATH, { method: 'POST', body: valid.body, headers: valid.headers });
  if (ok.status !== 200) throw new Error(`${variant}: a valid delivery got ${ok.status}`);
  if (!variant.startsWith('bare')) {
    const forged = signedRequest(true);
    const refused = await fetch(server.url + PATH, { method: 'POST', body: forged.body, headers: forged.headers });
    if (refused.status !== 401) throw new Error(`${variant}: a tampered delivery got ${refused.status}`);
  }
}

interface Cpu {
  /** User + system, in microseconds. */
  readonly cpu: number;
  readonly user: number;
}

/** The server's CPU time so far. */
function serverCpu(server: Server): Promise<Cpu> {
  return new Promise((resolve) => {
    server.child.once('message', (message) => resolve(message as Cpu));
    server.child.send('cpu');
  });
}

async function load(server: Server): Promise<AutocannonResult> {
  return autocannon({
    url: server.url + PATH,
    connections,
    duration: seconds,
    requests: [{ method: 'POST', setupRequest: (request) => ({ ...request, path: PATH, ...signedRequest() }) }],
  });
}

/** What one route measured over the rounds. */
interface Route {
  readonly rps: number[];
  readonly p99: number[];
  readonly cpu: number[];
  readonly user: number[];
}

const serverScript = await bundle(process.cwd(), 'bench/e2e-server.ts');
const results: Record<string, unknown>[] = [];
try {
  for (const framework of frameworks) {
    const servers = new Map<string, Server>();
    for (const variant of VARIANTS) servers.set(variant, await start(serverScript, framework, variant));
    const routes = new Map<string, Route>(VARIANTS.map((variant) => [variant, { rps: [], p99: [], cpu: [], user: [] }]));
    try {
      for (const [variant, server] of servers) await sanity(server, variant);
      // A short warm-up of each, then timed runs in a rotating order.
      for (const server of servers.values()) await autocannonWarmup(server);
      for (let round = 0; round < rounds; round++) {
        for (let k = 0; k < VARIANTS.length; k++) {
          const variant = VARIANTS[(k + round) % VARIANTS.length]!;
          const server = servers.get(variant)!;
          const before = await serverCpu(server);
          const result = await load(server);
          const after = await serverCpu(server);
          if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
            throw new Error(`${framework} ${variant}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
          }
          const route = routes.get(variant)!;
          const cpuPerRequest = (after.cpu - before.cpu) / result.requests.total;
          route.rps.push(result.requests.average);
          route.p99.push(result.latency.p99);
          route.cpu.push(cpuPerRequest);
          route.user.push((after.user - before.user) / result.requests.total);
          console.error(`${framework} ${variant}: ${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms, ${cpuPerRequest.toFixed(1)} µs CPU/request`);
        }
      }
    } finally {
      for (const server of servers.values()) await stop(server);
    }
    // Each round ran every route once, so a route's ratio is also taken round by round.
    const base = routes.get(VARIANTS[0]!)!.rps;
    const summary = Object.fromEntries(
      [...routes].map(([variant, route]) => [
        variant,
        {
          rps: Math.round(median(route.rps)),
          perRoundRatio: median(route.rps.map((value, round) => value / base[round]!)),
          p99Ms: median(route.p99),
          cpuUs: median(route.cpu),
          userUs: median(route.user),
          rounds: route.rps.map(Math.round),
        },
      ]),
    );
    results.push({ framework, routes: summary });
  }
} finally {
  rmSync(serverScript, { force: true });
}

async function autocannonWarmup(server: Server): Promise<void> {
  await autocannon({
    url: server.url + PATH,
    connections,
    duration: 1,
    requests: [{ method: 'POST', setupRequest: (request) => ({ ...request, path: PATH, ...signedRequest() }) }],
  });
}

const meta = { date: new Date().toISOString(), node: process.version, seconds, rounds, connections, body: '1 KB Peridio event, unique PRN per request' };
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ meta, results }, null, 2)}\n`);
console.log(`| framework | route | req/s | per-round ratio to ${VARIANTS[0]} | p99 | server CPU µs/request | of it user |`);
console.log('|---|---|---:|---:|---:|---:|---:|');
for (const row of results as { framework: string; routes: Record<string, { rps: number; perRoundRatio: number; p99Ms: number; cpuUs: number; userUs: number }> }[]) {
  for (const [variant, route] of Object.entries(row.routes)) {
    console.log(
      `| ${row.framework} | ${variant} | ${route.rps} | ${route.perRoundRatio.toFixed(2)}x | ${route.p99Ms} ms | ${route.cpuUs.toFixed(1)} | ${route.userUs.toFixed(1)} |`,
    );
  }
}
