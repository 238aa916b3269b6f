// fast-check generators for Peridio Resource Names, shared by the unit, schema and property suites.
import fc from 'fast-check';
import type { Prn } from '../../src/senders/peridio/prn.js';

const hexDigit = fc.constantFrom(...'0123456789abcdefABCDEF');
const hexRun = (n: number) => fc.string({ unit: hexDigit, minLength: n, maxLength: n });

/** 8-4-4-4-12 hex digits, either case. */
export const uuidArb = fc.tuple(hexRun(8), hexRun(4), hexRun(4), hexRun(4), hexRun(12)).map((parts) => parts.join('-'));

const DASHES = new Set([8, 13, 18, 23]);
const HEX_POSITIONS = Array.from({ length: 36 }, (_, i) => i).filter((i) => !DASHES.has(i));

/**
 * Not hex, and not ":" (which would split the PRN elsewhere): the neighbours of each hex range
 * ("/" and ":" around the digits, "@" and "G" around A-F, "`" and "g" around a-f) first, so
 * that an off-by-one in a range check is found, then any other letter or character.
 */
const nonHexChar = fc.oneof(
  fc.constantFrom(...'/@G`g'),
  fc.constantFrom(...'hijklmnopqrstuvwxyzHIJKLMNOPQRSTUVWXYZ_.- é０'),
  fc.string({ minLength: 1, maxLength: 1 }).filter((c) => !/[0-9a-fA-F:]/.test(c)),
);

/**
 * Shaped like a UUID (36 characters, dashes in place) with one to three non-hex characters
 * where digits belong: only a check of every digit refuses it.
 */
export const nonHexUuidArb = fc
  .tuple(uuidArb, fc.uniqueArray(fc.tuple(fc.constantFrom(...HEX_POSITIONS), nonHexChar), { minLength: 1, maxLength: 3, selector: ([at]) => at }))
  .map(([uuid, replacements]) => {
    const chars = [...uuid];
    for (const [at, c] of replacements) chars[at] = c;
    return chars.join('');
  });

const versionArb = fc.integer({ min: 1, max: 999_999 });
const lower = 'abcdefghijklmnopqrstuvwxyz';
const typeArb = fc
  .tuple(fc.constantFrom(...lower), fc.string({ unit: fc.constantFrom(...`${lower}0123456789_`), maxLength: 63 }))
  .map(([first, rest]) => first + rest);
const idArb = fc.oneof(
  uuidArb,
  fc.string({ unit: fc.constantFrom(...`${lower}${lower.toUpperCase()}0123456789-_.`), minLength: 1, maxLength: 128 }),
);

export const prnPartArbs = { versionArb, typeArb, idArb };

/** Every form of well-formed PRN: organization, user, resource. */
export const prnArb: fc.Arbitrary<Prn> = fc.oneof(
  fc.record({ kind: fc.constant('organization' as const), version: versionArb, organization: uuidArb }),
  fc.record({ kind: fc.constant('user' as const), version: versionArb, user: uuidArb }),
  fc.record({
    kind: fc.constant('resource' as const),
    version: versionArb,
    organization: uuidArb,
    resourceType: typeArb,
    resourceId: idArb,
  }),
);

/** A PRN text whose organization or user UUID is well shaped but not hex: never a PRN. */
export const nonHexPrnTextArb = fc.oneof(
  fc.tuple(versionArb, nonHexUuidArb).map(([version, org]) => `prn:${version}:${org}`),
  fc.tuple(versionArb, nonHexUuidArb).map(([version, user]) => `prn:${version}:user:${user}`),
  fc.tuple(versionArb, nonHexUuidArb, typeArb, idArb).map(([version, org, type, id]) => `prn:${version}:${org}:${type}:${id}`),
);
