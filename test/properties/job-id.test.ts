// Job ids of dedupe keys: every string maps to an id without ':' that maps back to it, and two
// keys never share an id, so a queue's "one job per id" is exactly "one job per event".
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeJobId, encodeJobId } from '../../src/durable/job-id.js';
import { prnArb } from '../helpers/prn-arbitraries.js';
import { formatPrn } from '../../src/senders/peridio/prn.js';
import { NUM_RUNS } from './fixtures.js';

const keyArb = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(fc.constantFrom(':', '%', '%3A', '%25', '3A', 'a', '25'), { maxLength: 12 }).map((parts) => parts.join('')),
  prnArb.map((prn) => `peridio:${formatPrn(prn)}`),
);

describe('job ids of dedupe keys', () => {
  it(`round-trip for any string, and contain no ':' (${NUM_RUNS} cases)`, () => {
    fc.assert(
      fc.property(keyArb, (key) => {
        const id = encodeJobId(key);
        expect(id).not.toContain(':');
        expect(decodeJobId(id)).toBe(key);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it(`never give two keys the same id (${NUM_RUNS} cases)`, () => {
    fc.assert(
      fc.property(keyArb, keyArb, (a, b) => {
        fc.pre(a !== b);
        expect(encodeJobId(a)).not.toBe(encodeJobId(b));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it(`decode only what encode can produce (${NUM_RUNS} cases)`, () => {
    fc.assert(
      fc.property(keyArb, (text) => {
        const key = decodeJobId(text);
        if (key !== undefined) expect(encodeJobId(key)).toBe(text);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
