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
//   node bench/run.mjs bench/e2e.ts [--seconds 3] [--rounds 3] [--out bench/results/e2e.json]
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

/** Before timing: a valid delivery is answered 2xx, a tampered one 401 (bare: always 200). */
async function sanity(server: Server, variant: string): Promise<void> {
  const valid = signedRequest();
  const ok = await fetch(server.url + PATH, { method: 'POST', body: valid.body, headers: valid.headers });
  if (ok.status !== 200) throw new Error(`${variant}: a valid delivery got ${ok.status}`);
  if (variant !== 'bare') {
    const forged = signedRequest(true);
    const refused = await fetch(server.url + PATH, { method: 'POST', body: forged.body, headers: forged.headers });
    if (refused.status !== 401) throw new Error(`${variant}: a tampered delivery got ${refused.status}`);
  }
}

/** The server's CPU time so far, in microseconds. */
function serverCpu(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.child.once('message', (message) => resolve((message as { cpu: number }).cpu));
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

type Variant = 'bare' | 'hookverify' | 'verify-only' | 'floor';
const VARIANTS: readonly Variant[] = ['bare', 'hookverify', 'verify-only', 'floor'];

const serverScript = await bundle(process.cwd(), 'bench/e2e-server.ts');
const results: Record<string, unknown>[] = [];
try {
  for (const framework of ['express', 'fastify']) {
    const servers: Record<Variant, Server> = {
      bare: await start(serverScript, framework, 'bare'),
      hookverify: await start(serverScript, framework, 'hookverify'),
      'verify-only': await start(serverScript, framework, 'verify-only'),
      floor: await start(serverScript, framework, 'floor'),
    };
    const rps: Record<Variant, number[]> = { bare: [], hookverify: [], 'verify-only': [], floor: [] };
    const p99: Record<Variant, number[]> = { bare: [], hookverify: [], 'verify-only': [], floor: [] };
    const cpu: Record<Variant, number[]> = { bare: [], hookverify: [], 'verify-only': [], floor: [] };
    try {
      for (const variant of VARIANTS) await sanity(servers[variant], variant);
      // A short warm-up of each, then timed runs in a rotating order.
      for (const variant of VARIANTS) await autocannonWarmup(servers[variant]);
      for (let round = 0; round < rounds; round++) {
        for (let k = 0; k < VARIANTS.length; k++) {
          const variant = VARIANTS[(k + round) % VARIANTS.length]!;
          const before = await serverCpu(servers[variant]);
          const result = await load(servers[variant]);
          const cpuPerRequest = ((await serverCpu(servers[variant])) - before) / result.requests.total;
          if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
            throw new Error(`${framework} ${variant}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
          }
          rps[variant].push(result.requests.average);
          p99[variant].push(result.latency.p99);
          cpu[variant].push(cpuPerRequest);
          console.error(`${framework} ${variant}: ${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms, ${cpuPerRequest.toFixed(1)} µs CPU/request`);
        }
      }
    } finally {
      for (const variant of VARIANTS) await stop(servers[variant]);
    }
    const bare = median(rps.bare);
    const hookverify = median(rps.hookverify);
    const verifyOnly = median(rps['verify-only']);
    const floor = median(rps.floor);
    results.push({
      framework,
      bareRps: Math.round(bare),
      hookverifyRps: Math.round(hookverify),
      ratio: hookverify / bare,
      verifyOnlyRps: Math.round(verifyOnly),
      verifyOnlyRatio: verifyOnly / bare,
      floorRps: Math.round(floor),
      floorRatio: floor / bare,
      verifyOnlyToFloor: verifyOnly / floor,
      bareP99Ms: median(p99.bare),
      hookverifyP99Ms: median(p99.hookverify),
      cpuUs: { bare: median(cpu.bare), hookverify: median(cpu.hookverify), verifyOnly: median(cpu['verify-only']), floor: median(cpu.floor) },
      rounds: { bare: rps.bare.map(Math.round), hookverify: rps.hookverify.map(Math.round), verifyOnly: rps['verify-only'].map(Math.round), floor: rps.floor.map(Math.round) },
    });
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
console.log('| framework | bare route req/s | example route req/s (verify + zod + dedupe) | ratio | verification only | floor route (hand-written) | p99 bare / example |');
console.log('|---|---:|---:|---:|---:|---:|---|');
type Row = { framework: string; bareRps: number; hookverifyRps: number; ratio: number; verifyOnlyRps: number; verifyOnlyRatio: number; floorRps: number; floorRatio: number; bareP99Ms: number; hookverifyP99Ms: number };
for (const row of results as Row[]) {
  console.log(
    `| ${row.framework} | ${row.bareRps} | ${row.hookverifyRps} | **${row.ratio.toFixed(2)}x** | ${row.verifyOnlyRps} (${row.verifyOnlyRatio.toFixed(2)}x) | ${row.floorRps} (${row.floorRatio.toFixed(2)}x) | ${row.bareP99Ms} ms / ${row.hookverifyP99Ms} ms |`,
  );
}
