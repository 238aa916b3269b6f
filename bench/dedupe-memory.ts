// Memory held by the in-memory dedupe store per remembered key, at 1 million completed Peridio
// event PRNs keyed as the deduplicator keys them ("peridio:<prn>").
//
//   node --expose-gc --import tsx bench/dedupe-memory.ts
//
// Prints the figure and writes bench/results/dedupe-memory.json.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createMemoryStore } from '../src/dedupe/memory-store.js';

const KEYS = Number(process.env.KEYS ?? 1_000_000);
const ORGANIZATION = '4e33149b-637d-4679-b64f-4905e7a0cf8c';
const RETENTION_MS = 4 * 86_400_000;
const LEASE_MS = 30_000;

const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) {
  console.error('run with node --expose-gc --import tsx bench/dedupe-memory.ts');
  process.exit(1);
}

/** Heap plus array buffers (the store keeps its links and expiries in typed arrays). */
function used(): number {
  collect!();
  collect!();
  const memory = process.memoryUsage();
  return memory.heapUsed + memory.arrayBuffers;
}

// The PRNs arrive inside JSON bodies; parsing them here gives strings shaped like a real
// server's (sequential strings, not concatenations of the generator's parts).
function eventPrn(): string {
  return JSON.parse(`"prn:1:${ORGANIZATION}:event:${randomUUID()}"`) as string;
}

const before = used();
const store = createMemoryStore({ maxEntries: KEYS });
const started = performance.now();
for (let i = 0; i < KEYS; i++) {
  // As the deduplicator builds keys from a delivery's sender and id.
  const key = ['peridio', eventPrn()].join(':');
  const token = randomUUID();
  store.claim(key, token, LEASE_MS);
  store.complete(key, token, RETENTION_MS);
}
const elapsedMs = performance.now() - started;
const after = used();
if (store.size !== KEYS) throw new Error(`expected ${KEYS} keys, the store holds ${store.size}`);

const bytesPerKey = Math.round((after - before) / KEYS);
const keyLength = `peridio:prn:1:${ORGANIZATION}:event:${randomUUID()}`.length;
const result = {
  benchmark: 'dedupe-memory',
  keys: KEYS,
  keyExample: `peridio:prn:1:${ORGANIZATION}:event:<uuid>`,
  keyLength,
  bytesPerKey,
  totalMiB: Math.round(((after - before) / 1024 / 1024) * 10) / 10,
  // Includes generating the PRN and the token, so an upper bound on the store's own cost.
  microsecondsPerClaimAndComplete: Math.round((elapsedMs * 1000 * 100) / KEYS) / 100,
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
  measuredAt: new Date().toISOString(),
};
console.log(`${bytesPerKey} bytes per remembered key at ${KEYS.toLocaleString('en')} Peridio event PRNs (${result.totalMiB} MiB)`);
console.log(JSON.stringify(result, null, 2));
mkdirSync(new URL('results/', import.meta.url), { recursive: true });
writeFileSync(new URL('results/dedupe-memory.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
