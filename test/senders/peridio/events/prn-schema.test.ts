import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRN_PATTERN, prnSchema } from '../../../../src/senders/peridio/events/prn-schema.js';
import { isPrn } from '../../../../src/senders/peridio/prn.js';

const pattern = new RegExp(PRN_PATTERN);
const uuid = '4e33149b-637d-4679-b64f-4905e7a0cf8c';

// Parts chosen around every rule of the grammar, so random joins hit the edges often.
const part = fc.constantFrom(
  'prn', 'PRN', '1', '0', '01', '12', '999999', '1234567', 'a', '', 'user', 'x',
  uuid, uuid.toUpperCase(), uuid.slice(1), `${uuid}0`, uuid.replaceAll('-', '_'),
  'device', 'Device', '_x', 'a1_b', '1a', 'a'.repeat(64), 'a'.repeat(65),
  'device-id', 'A.b_c-d', '.', '-x', 'a b', 'é', 'x'.repeat(128), 'x'.repeat(129),
);

describe('PRN schema', () => {
  it('agrees with isPrn (the JSON Schema pattern says what the validator does)', () => {
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 6 }), (parts) => {
        const text = parts.join(':');
        expect(pattern.test(text)).toBe(isPrn(text));
        expect(prnSchema.safeParse(text).success).toBe(isPrn(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees with isPrn on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        expect(pattern.test(`prn:1:${uuid}:${text}`)).toBe(isPrn(`prn:1:${uuid}:${text}`));
      }),
      { numRuns: 5_000 },
    );
  });

  it('runs in linear time on a hostile near-miss', () => {
    const hostile = `prn:1:${uuid}:${'a'.repeat(50_000)}!`;
    const started = performance.now();
    expect(pattern.test(hostile)).toBe(false);
    expect(prnSchema.safeParse(hostile).success).toBe(false);
    expect(performance.now() - started).toBeLessThan(50);
  });
});
