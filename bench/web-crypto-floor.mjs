// The Web Crypto backend against a hand-written crypto.subtle verification of the same Peridio
// delivery (bench/subtle-floor.mjs, the floor bench/main.ts uses too), runnable unchanged on
// Node, Bun and Deno against the built package:
//
//   npx tsup && node bench/web-crypto-floor.mjs
//   node_modules/@oven/bun-linux-x64/bin/bun bench/web-crypto-floor.mjs
//   node_modules/@deno/linux-x64-glibc/deno run --allow-read bench/web-crypto-floor.mjs
//
// Calls are awaited one at a time, as a handler would; the two cases alternate in each of 21
// rounds and the ratio is the median of the per-round ratios of wall-clock time (CPU time is
// not measured the same way on the three runtimes). Prints one markdown row per size.
import { webCryptoBackend } from '../dist/index.js';
import { createPeridioVerifier, peridio } from '../dist/peridio/index.js';
import { signDelivery } from '../dist/testing/index.js';
import { peridioSubtleFloor } from './subtle-floor.mjs';

const SECRET = '5F2D0B5C4A1E49E6B0A6C3D1E2F40718';
const SIZES = [1024, 16 * 1024, 256 * 1024];
const ROUNDS = 21;
const BATCH_MS = 25;

const runtime = typeof Bun !== 'undefined' ? `Bun ${Bun.version}` : typeof Deno !== 'undefined' ? `Deno ${Deno.version.deno}` : `Node ${process.versions.node}`;
const encoder = new TextEncoder();

function bodyOf(size) {
  const base = { version: 1, prn: 'prn:1:4e33149b-637d-4679-b64f-4905e7a0cf8c:event:0b2e4f3c-8a1d-4c5e-9f6a-7b8c9d0e1f2a', type: 'webhook', data: { pad: '' } };
  base.data.pad = 'x'.repeat(size - JSON.stringify(base).length);
  return encoder.encode(JSON.stringify(base));
}

async function timeBatch(fn, iterations) {
  const started = performance.now();
  for (let i = 0; i < iterations; i++) await fn();
  return performance.now() - started;
}

async function calibrate(fn) {
  for (let iterations = 16; ; iterations *= 2) {
    const ms = await timeBatch(fn, iterations);
    if (ms >= BATCH_MS / 4) return Math.max(1, Math.round((iterations * BATCH_MS) / ms));
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

console.log(`| runtime | size | crypto.subtle floor | hookverify verifySignature (web) | ratio (higher is faster) |`);
console.log('| --- | --- | ---: | ---: | ---: |');
for (const size of SIZES) {
  const body = bodyOf(size);
  const { headers } = await signDelivery(peridio, { secret: SECRET, body: new TextDecoder().decode(body) });
  const floor = await peridioSubtleFloor(SECRET);
  const verifier = createPeridioVerifier({ secret: SECRET, backend: webCryptoBackend() });
  const input = { body, headers };
  const cases = [() => floor(body, headers), () => verifier.verifySignature(input)];
  if (!(await cases[0]()) || !(await cases[1]()).matchedSecret) throw new Error('a case does not verify the delivery');
  const iterations = [await calibrate(cases[0]), await calibrate(cases[1])];
  const perOp = [[], []];
  const ratios = [];
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? [0, 1] : [1, 0];
    const ms = [0, 0];
    for (const k of order) ms[k] = (await timeBatch(cases[k], iterations[k])) / iterations[k];
    perOp[0].push(ms[0]);
    perOp[1].push(ms[1]);
    ratios.push(ms[0] / ms[1]);
  }
  const us = (values) => `${(median(values) * 1000).toFixed(1)} µs`;
  console.log(`| ${runtime} | ${size / 1024} KB | ${us(perOp[0])} | ${us(perOp[1])} | **${median(ratios).toFixed(2)}x** |`);
}
