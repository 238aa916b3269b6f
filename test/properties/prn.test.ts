// Peridio Resource Names: every well-formed PRN survives parse -> format -> parse unchanged,
// and no input, however odd, ends in anything but a PrnError.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PrnError } from '../../src/core/errors.js';
import { formatPrn, isPrn, parsePrn, type Prn } from '../../src/senders/peridio/prn.js';
import { nonHexPrnTextArb, prnArb, prnPartArbs, uuidArb } from '../helpers/prn-arbitraries.js';
import { NUM_RUNS } from './fixtures.js';

const { versionArb, typeArb, idArb } = prnPartArbs;

/** Text that looks like a PRN often enough to reach every check of the parser. */
const prnLikeTextArb = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.array(fc.oneof(fc.constantFrom('prn', 'user', '1', '0', '01', ''), uuidArb, typeArb, idArb, fc.string()), { maxLength: 7 }).map((parts) => parts.join(':')),
  prnArb.map(formatPrn).chain((text) => fc.nat({ max: text.length }).map((at) => text.slice(0, at))),
  nonHexPrnTextArb,
);

describe('PRN parse/format', () => {
  it(`formats and parses back every well-formed PRN (${NUM_RUNS} cases)`, () => {
    fc.assert(
      fc.property(prnArb, (prn) => {
        const text = formatPrn(prn);
        expect(parsePrn(text)).toEqual(prn);
        expect(formatPrn(parsePrn(text))).toBe(text);
        expect(isPrn(text)).toBe(true);
        expect(isPrn(text, 'event')).toBe(prn.kind === 'resource' && prn.resourceType === 'event');
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it(`refuses any other text with a PrnError, and agrees with isPrn (${NUM_RUNS} cases)`, () => {
    fc.assert(
      fc.property(prnLikeTextArb, (text) => {
        let parsed: Prn | undefined;
        try {
          parsed = parsePrn(text);
        } catch (error) {
          expect(error).toBeInstanceOf(PrnError);
          expect((error as PrnError).code).toBe('malformed_prn');
        }
        expect(isPrn(text)).toBe(parsed !== undefined);
        if (parsed) expect(formatPrn(parsed)).toBe(text);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it(`refuses every UUID-shaped organization or user that is not hex (${NUM_RUNS} cases)`, () => {
    fc.assert(
      fc.property(nonHexPrnTextArb, (text) => {
        expect(isPrn(text)).toBe(false);
        expect(() => parsePrn(text)).toThrow(/is not a UUID/);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it(`formats any object either to text that parses back to it, or throws a PrnError (${NUM_RUNS} cases)`, () => {
    const field = fc.oneof(fc.string(), uuidArb, typeArb, idArb, fc.constantFrom('user', ''));
    const objectArb = fc.record({
      kind: fc.constantFrom('organization', 'resource', 'user', 'other'),
      version: fc.oneof(versionArb, fc.double(), fc.integer()),
      organization: field,
      user: field,
      resourceType: field,
      resourceId: field,
    });
    fc.assert(
      fc.property(objectArb, (candidate) => {
        let text: string;
        try {
          text = formatPrn(candidate as Prn);
        } catch (error) {
          expect(error).toBeInstanceOf(PrnError);
          return;
        }
        const parsed = parsePrn(text) as unknown as Record<string, unknown>;
        for (const [key, value] of Object.entries(parsed)) expect(value).toEqual((candidate as Record<string, unknown>)[key]);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
