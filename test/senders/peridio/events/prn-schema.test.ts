import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRN_PATTERN, prnSchema } from '../../../../src/senders/peridio/events/prn-schema.js';
import { peridioEvents } from '../../../../src/senders/peridio/events/index.js';
import { formatPrn, isPrn } from '../../../../src/senders/peridio/prn.js';
import { samplePeridioEvent } from '../../../../src/testing/index.js';
import { nonHexPrnTextArb, prnArb } from '../../../helpers/prn-arbitraries.js';

const pattern = new RegExp(PRN_PATTERN);
const uuid = '4e33149b-637d-4679-b64f-4905e7a0cf8c';

// Parts chosen around every rule of the grammar, so random joins hit the edges often.
const part = fc.constantFrom(
  'prn', 'PRN', '1', '0', '01', '12', '999999', '1234567', 'a', '', 'user', 'x',
  uuid, uuid.toUpperCase(), uuid.slice(1), `${uuid}0`, uuid.replaceAll('-', '_'), `g${uuid.slice(1)}`,
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
});

describe('PRN: isPrn, the zod event schemas and the shipped JSON Schema agree', () => {
  // The file users validate with, not the constant it was generated from.
  const ajv = new Ajv2020.default({ strict: false });
  addFormats.default(ajv);
  const shipped = ajv.compile(JSON.parse(readFileSync(new URL('../../../../schemas/peridio/device.release-changed.json', import.meta.url), 'utf8')) as object);
  const sample = samplePeridioEvent('device.release-changed');
  /** The sample with `text` as its event PRN and its device PRN. */
  const withPrn = (text: string) => ({ ...sample, prn: text, data: { ...sample.data, data: { ...sample.data.data, device: { ...sample.data.data.device, prn: text } } } });
  const verdicts = (text: string) => ({ isPrn: isPrn(text), zod: peridioEvents.parse(withPrn(text)).ok, jsonSchema: shipped(withPrn(text)) });

  it('all accept every well-formed PRN', () => {
    fc.assert(
      fc.property(prnArb.map(formatPrn), (text) => {
        expect(verdicts(text)).toEqual({ isPrn: true, zod: true, jsonSchema: true });
      }),
      { numRuns: 1000 },
    );
  });

  it('all refuse a UUID-shaped organization or user that is not hex', () => {
    expect(verdicts(`prn:1:${'z'.repeat(8)}-zzzz-zzzz-zzzz-${'z'.repeat(12)}`)).toEqual({ isPrn: false, zod: false, jsonSchema: false });
    fc.assert(
      fc.property(nonHexPrnTextArb, (text) => {
        expect(verdicts(text)).toEqual({ isPrn: false, zod: false, jsonSchema: false });
      }),
      { numRuns: 1000 },
    );
  });
});

/**
 * What makes a pattern slow on a backtracking engine: a quantifier without an upper bound, or
 * a group that may repeat and holds a quantifier itself (`(a+)+`, `(?:a{1,9}){2,9}`). Returns
 * each such construct found; character classes and escapes are skipped.
 */
function backtrackingRisks(source: string): string[] {
  const risks: string[] = [];
  const groups: { start: number; quantified: boolean }[] = [{ start: 0, quantified: false }];
  const quantifierAt = (at: number): { text: string; max: number } | undefined => {
    const c = source[at];
    if (c === '?') return { text: '?', max: 1 };
    if (c === '*' || c === '+') return { text: c, max: Infinity };
    const braces = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(at));
    if (!braces) return undefined;
    const max = braces[2] === undefined ? Number(braces[1]) : braces[3] === '' ? Infinity : Number(braces[3]);
    return { text: braces[0], max };
  };
  // After an atom ending at `at - 1`: note its quantifier, if any; `group` says whether the atom was a group holding one.
  const afterAtom = (at: number, atom: string, group: boolean): number => {
    const quantifier = quantifierAt(at);
    if (!quantifier) return at;
    if (quantifier.max === Infinity) risks.push(`unbounded ${atom}${quantifier.text}`);
    if (group && quantifier.max > 1) risks.push(`repeated quantified group ${atom}${quantifier.text}`);
    groups.at(-1)!.quantified = true;
    const lazy = source[at + quantifier.text.length] === '?' ? 1 : 0;
    return at + quantifier.text.length + lazy;
  };
  for (let i = 0; i < source.length; ) {
    const c = source[i]!;
    if (c === '\\') i = afterAtom(i + 2, source.slice(i, i + 2), false);
    else if (c === '[') {
      let end = i + 1;
      while (source[end] !== ']') end += source[end] === '\\' ? 2 : 1;
      i = afterAtom(end + 1, source.slice(i, end + 1), false);
    } else if (c === '(') {
      groups.push({ start: i, quantified: false });
      i += source.startsWith('(?:', i) ? 3 : 1;
    } else if (c === ')') {
      const group = groups.pop()!;
      if (group.quantified) groups.at(-1)!.quantified = true;
      i = afterAtom(i + 1, source.slice(group.start, i + 1), group.quantified);
    } else if (c === '|' || c === '^' || c === '$') i++;
    else i = afterAtom(i + 1, c, false);
  }
  return risks;
}

describe('PRN_PATTERN stays cheap for any regular-expression engine', () => {
  // A timing test cannot tell: this pattern refuses a hostile value fast in V8 either way. What
  // keeps it linear for every validator that reads the JSON Schema is its structure.
  it('the check finds the constructs that backtrack', () => {
    expect(backtrackingRisks('^(a+)+$')).toEqual(['unbounded a+', 'unbounded (a+)+', 'repeated quantified group (a+)+']);
    expect(backtrackingRisks('^[a-z]*:x{2,}$')).toEqual(['unbounded [a-z]*', 'unbounded x{2,}']);
    expect(backtrackingRisks('^(?:[a-z]{1,9}:){2,5}$')).toEqual(['repeated quantified group (?:[a-z]{1,9}:){2,5}']);
    expect(backtrackingRisks('^(?:\\d{1,3}(?:x[+*]{1,2})?)?[*]\\+$')).toEqual([]);
  });

  it('has only bounded quantifiers, none on a group that may repeat', () => {
    expect(backtrackingRisks(PRN_PATTERN)).toEqual([]);
  });
});
