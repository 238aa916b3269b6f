// What validating one typed Peridio event costs, apart from verification: zod's own parse of the
// event's schema (which copies every object it accepts) against the catalog's parse (the
// in-place check of src/events/in-place-check.ts, then zod only for what it does not accept),
// and the check alone, without the catalog's event-type lookup around it.
// Each call parses the 1 KB body afresh, as a delivery does, so "JSON.parse alone" is the floor
// both are measured over.
//
//   node bench/run.mjs bench/typed-parse.ts
import * as z from 'zod/mini';
import { compileInPlaceCheck } from '../src/events/in-place-check.js';
import { peridioEvents, peridioEventSchemas } from '../src/senders/peridio/events/index.js';
import { peridioEventBody } from './fixtures.js';
import { consume, runGroup } from './harness.js';

const text = peridioEventBody(1024).toString('utf8');
const schema = peridioEventSchemas['device.checked-for-release'];
const check = compileInPlaceCheck(schema)!;
// Each must accept the event, or its row would time a refusal.
if (!z.safeParse(schema, JSON.parse(text)).success || !check(JSON.parse(text)) || !peridioEvents.parse(JSON.parse(text)).ok) {
  throw new Error('the benchmark event does not validate');
}

const FLOOR = 'JSON.parse alone';
const result = await runGroup(
  {
    id: 'typed-parse-1024',
    title: 'Validating a 1 KB Peridio event',
    baseline: FLOOR,
    cases: [
      { name: FLOOR, fn: () => consume(JSON.parse(text)) },
      { name: 'JSON.parse + zod safeParse', fn: () => consume(z.safeParse(schema, JSON.parse(text))) },
      { name: 'JSON.parse + the in-place check alone', fn: () => consume(check(JSON.parse(text))) },
      { name: 'JSON.parse + peridioEvents.parse', fn: () => consume(peridioEvents.parse(JSON.parse(text))) },
    ],
  },
  { rounds: 41, batchMs: 25 },
);

const floor = result.cases.find((entry) => entry.name === FLOOR)!.nsPerOp;
console.log(`| case | µs per call | over ${FLOOR} |`);
console.log('|---|---:|---:|');
for (const entry of result.cases) {
  const over = entry.name === FLOOR ? '' : `${((entry.nsPerOp - floor) / 1000).toFixed(2)} µs`;
  console.log(`| ${entry.name} | ${(entry.nsPerOp / 1000).toFixed(2)} | ${over} |`);
}
