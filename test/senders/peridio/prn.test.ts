import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PrnError } from '../../../src/core/errors.js';
import { formatPrn, isPrn, parsePrn } from '../../../src/senders/peridio/index.js';
import { nonHexPrnTextArb, prnArb } from '../../helpers/prn-arbitraries.js';

const ORG = '4e33149b-637d-4679-b64f-4905e7a0cf8c';
const UUID = '0b2e4f3c-8a1d-4c5e-9f6a-7b8c9d0e1f2a';

function refusal(value: unknown): PrnError {
  try {
    parsePrn(value);
  } catch (error) {
    if (error instanceof PrnError) return error;
    throw error;
  }
  throw new Error(`parsePrn accepted ${String(value)}`);
}

describe('parsePrn', () => {
  it('parses an event PRN into its parts', () => {
    expect(parsePrn(`prn:1:${ORG}:event:${UUID}`)).toEqual({
      kind: 'resource',
      version: 1,
      organization: ORG,
      resourceType: 'event',
      resourceId: UUID,
    });
  });

  it('parses the organization form', () => {
    expect(parsePrn(`prn:1:${ORG}`)).toEqual({ kind: 'organization', version: 1, organization: ORG });
  });

  it('parses the user form, which has no organization', () => {
    expect(parsePrn(`prn:1:user:${UUID}`)).toEqual({ kind: 'user', version: 1, user: UUID });
  });

  it('accepts resource types Peridio has not documented yet and the guide placeholder ids', () => {
    expect(parsePrn(`prn:2:${ORG}:audit_log:device-id`)).toMatchObject({ version: 2, resourceType: 'audit_log', resourceId: 'device-id' });
  });

  it.each([
    ['a number', 42, 'expected a string'],
    ['another scheme', `urn:1:${ORG}`, 'must start with "prn:"'],
    ['too few parts', 'prn:1', 'expected prn:'],
    ['too many parts', `prn:1:${ORG}:event:${UUID}:extra`, 'expected prn:'],
    ['a zero version', `prn:0:${ORG}`, 'version "0"'],
    ['a leading zero', `prn:01:${ORG}`, 'version "01"'],
    ['a non-numeric version', `prn:v1:${ORG}`, 'version "v1"'],
    ['an organization that is not a UUID', 'prn:1:acme:event:x', 'organization is not a UUID'],
    ['a UUID with a misplaced dash', `prn:1:${ORG.replace('-637d', '6-37d')}`, 'organization is not a UUID'],
    ['a type without an id', `prn:1:${ORG}:event`, 'needs both a type and an id'],
    ['an upper-case type', `prn:1:${ORG}:Event:${UUID}`, 'not snake_case'],
    ['an empty id', `prn:1:${ORG}:event:`, 'resource id'],
    ['a space in the id', `prn:1:${ORG}:event:a b`, 'resource id'],
    ['a user without a UUID', 'prn:1:user:alice', 'user id is not a UUID'],
    ['a user with a type', `prn:1:user:device:${UUID}`, 'a user PRN is'],
    ['a huge value', `prn:1:${ORG}:event:${'a'.repeat(10_000)}`, 'longer than 256'],
  ])('refuses %s with malformed_prn', (_name, value, reason) => {
    const error = refusal(value);
    expect(error.code).toBe('malformed_prn');
    expect(error.message).toContain(reason);
  });

  it('answers a 1 MB value at once: its length is checked before it is split', () => {
    // Without that check, each call splits a megabyte into a million parts (about 70 ms on a shared
    // 2-core machine, so over 1 s here); with it, a call is one comparison. The margin
    // absorbs a busy machine both ways.
    const hostile = `prn:1:${':'.repeat(1_000_000)}`;
    const started = performance.now();
    for (let i = 0; i < 20; i++) expect(isPrn(hostile)).toBe(false);
    expect(performance.now() - started).toBeLessThan(250);
  });

  it.each([...'/@G`g'])('refuses a UUID-shaped organization and user holding %j, next to a hex range', (c) => {
    const shaped = `${c}${ORG.slice(1)}`;
    expect(refusal(`prn:1:${shaped}`).message).toContain('organization is not a UUID');
    expect(refusal(`prn:1:${shaped}:event:${UUID}`).message).toContain('organization is not a UUID');
    expect(refusal(`prn:1:user:${shaped}`).message).toContain('user id is not a UUID');
  });

  it('refuses every well-shaped UUID with a non-hex digit, wherever it is', () => {
    fc.assert(
      fc.property(nonHexPrnTextArb, (text) => {
        expect(isPrn(text)).toBe(false);
        expect(refusal(text).message).toMatch(/(organization|user id) is not a UUID/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('isPrn', () => {
  it('answers what parsePrn does for PRNs and for near misses: edits, extra colons, long and zero-led parts', () => {
    const parses = (text: string) => {
      try {
        parsePrn(text);
        return true;
      } catch {
        return false;
      }
    };
    const edit = fc.tuple(fc.nat(), fc.constantFrom('delete', 'insert', 'replace'), fc.constantFrom(...'01aAfgzZ-_.:/ user'.split(''), 'user:', '0000000'));
    const nearMiss = fc.tuple(prnArb.map(formatPrn), fc.array(edit, { maxLength: 3 })).map(([text, edits]) => {
      let out = text;
      for (const [at, kind, piece] of edits) {
        const i = at % (out.length + 1);
        out = kind === 'delete' ? out.slice(0, i) + out.slice(i + 1) : out.slice(0, i) + piece + out.slice(kind === 'replace' ? i + 1 : i);
      }
      return out;
    });
    fc.assert(
      fc.property(fc.oneof(nearMiss, fc.string({ maxLength: 60 }).map((tail) => `prn:${tail}`), fc.string()), (text) => {
        expect(isPrn(text)).toBe(parses(text));
      }),
      { numRuns: 5000 },
    );
    expect([isPrn(`prn:1:${ORG}:event:${'x'.repeat(128)}`), isPrn(`prn:1:${ORG}:event:${'x'.repeat(129)}`)]).toEqual([true, false]);
    expect([isPrn(`prn:1:${ORG}:${'a'.repeat(64)}:x`), isPrn(`prn:1:${ORG}:${'a'.repeat(65)}:x`)]).toEqual([true, false]);
    expect([isPrn(`prn:999999:${ORG}`), isPrn(`prn:1000000:${ORG}`), isPrn(`prn:01:${ORG}`)]).toEqual([true, false, false]);
  });

  it('checks the resource type when asked', () => {
    expect(isPrn(`prn:1:${ORG}:event:${UUID}`, 'event')).toBe(true);
    expect(isPrn(`prn:1:${ORG}:device:${UUID}`, 'event')).toBe(false);
    expect(isPrn(`prn:1:${ORG}`, 'event')).toBe(false);
    expect(isPrn(`prn:1:${ORG}`)).toBe(true);
    expect(isPrn('prn:1:nope')).toBe(false);
  });
});

describe('formatPrn', () => {
  it('refuses parts that would not read back', () => {
    expect(() => formatPrn({ kind: 'resource', version: 1, organization: ORG, resourceType: 'event', resourceId: 'a:b' })).toThrow(PrnError);
    expect(() => formatPrn({ kind: 'organization', version: 1.5, organization: ORG })).toThrow(/version/);
    expect(() => formatPrn({ kind: 'organization', version: 1, organization: 'user' })).toThrow(PrnError);
  });

  it('round-trips: parse(format(prn)) equals prn and format(parse(text)) equals text', () => {
    fc.assert(
      fc.property(prnArb, (value) => {
        const text = formatPrn(value);
        expect(parsePrn(text)).toEqual(value);
        expect(formatPrn(parsePrn(text))).toBe(text);
      }),
    );
  });
});
