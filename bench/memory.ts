// Heap over 1 million verifications: after a forced GC at every checkpoint, the heap used must
// stay flat (no per-delivery state kept by a verifier). Run with --expose-gc:
//
//   BENCH_NODE_ARGS=--expose-gc node bench/run.mjs bench/memory.ts [--count 1000000]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createPeridioVerifier } from '../src/senders/peridio/index.js';
import { peridioDelivery, peridioEventBody, PERIDIO_SECRETS, tampered } from './fixtures.js';

const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) {
  console.error('run with --expose-gc: BENCH_NODE_ARGS=--expose-gc node bench/run.mjs bench/memory.ts');
  process.exit(2);
}
const args = process.argv.slice(2);
const count = args.includes('--count') ? Number(args[args.indexOf('--count') + 1]) : 1_000_000;
const out = args.includes('--out') ? args[args.indexOf('--out') + 1]! : 'bench/results/memory.json';
const CHECKPOINTS = 10;

function heapUsed(): number {
  collect!();
  collect!();
  const memory = process.memoryUsage();
  return memory.heapUsed + memory.arrayBuffers;
}

// Two secrets, and one delivery in 16 forged, so that the rolling and refusal paths run too.
const verifier = createPeridioVerifier({ secrets: [PERIDIO_SECRETS[1], PERIDIO_SECRETS[0]] });
let valid = peridioDelivery(peridioEventBody(1024));
let forged = tampered(valid);
const samples: number[] = [];
let accepted = 0;
const started = Date.now();
for (let i = 0; i < count; i++) {
  if (i % (count / CHECKPOINTS) === 0) {
    samples.push(heapUsed());
    // Re-sign now and then so the delivery stays inside the replay window however slow the run.
    valid = peridioDelivery(valid.body);
    forged = tampered(valid);
  }
  const outcome = await verifier.safeVerify(i % 16 === 15 ? forged : valid);
  if (outcome.ok) accepted++;
}
samples.push(heapUsed());
const expectedAccepted = count - Math.floor(count / 16);
if (accepted !== expectedAccepted) throw new Error(`accepted ${accepted} of ${count}, expected ${expectedAccepted}`);

const baseline = samples[1]!; // after the first checkpoint: the JIT and caches have settled
const last = samples[samples.length - 1]!;
const result = {
  benchmark: 'heap over verifications',
  verifications: count,
  seconds: Math.round((Date.now() - started) / 100) / 10,
  heapAfterGcKiB: samples.map((bytes) => Math.round(bytes / 1024)),
  growthKiB: Math.round((last - baseline) / 1024),
  growthBytesPerVerification: (last - baseline) / (count - count / CHECKPOINTS),
  node: process.version,
  measuredAt: new Date().toISOString(),
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(
  `${count} verifications in ${result.seconds} s; heap after GC at each tenth (KiB): ${result.heapAfterGcKiB.join(', ')}; ` +
    `growth from the 2nd checkpoint to the end: ${result.growthKiB} KiB (${result.growthBytesPerVerification.toFixed(4)} B per verification)`,
);
