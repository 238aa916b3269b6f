// What the pipeline's deadline around a body read costs (src/core/pipeline/within-deadline.ts:
// a timer set and cleared per read) against awaiting the read alone. 21 alternating rounds of
// 100,000 awaited calls each, median CPU time per call.
//
//   node bench/run.mjs bench/within-deadline.ts
import { withinDeadline } from '../src/core/pipeline/within-deadline.js';
import { median } from './harness.js';

const LATE = Symbol('late');
const CALLS = 100_000;
const cases: [string, () => Promise<unknown>][] = [
  ['await a settled read', () => Promise.resolve(1)],
  ['withinDeadline(read, 5 s)', () => withinDeadline(Promise.resolve(1), 5000, LATE)],
];
const perCall = new Map<string, number[]>(cases.map(([name]) => [name, []]));
for (let round = 0; round < 21; round++) {
  for (let k = 0; k < cases.length; k++) {
    const [name, run] = cases[(k + round) % cases.length]!;
    const start = process.cpuUsage();
    for (let i = 0; i < CALLS; i++) await run();
    const spent = process.cpuUsage(start);
    perCall.get(name)!.push(((spent.user + spent.system) * 1000) / CALLS);
  }
}
for (const [name, values] of perCall) console.log(`${name.padEnd(28)} ${median(values).toFixed(0)} ns`);
