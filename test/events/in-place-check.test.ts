import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import * as zm from 'zod/mini';
import { defineCatalog } from '../../src/events/define-catalog.js';
import { compileInPlaceCheck, type InPlaceCheck } from '../../src/events/in-place-check.js';
import { edgesenseEventSchemas } from '../../src/senders/edgesense/events/index.js';
import { peridioEventSchemas } from '../../src/senders/peridio/events/index.js';
import { sampleEdgeSenseEvent, samplePeridioEvent } from '../../src/testing/index.js';

const RUNS = Number(process.env.HOOKVERIFY_PROPERTY_RUNS ?? 2_000);

/** The check's promise: whatever it accepts, zod accepts, with an output equal to the input. */
function agreesWithZod(schema: z.core.$ZodType, check: InPlaceCheck, value: unknown): boolean {
  if (!check(value)) return false;
  const parsed = zm.safeParse(schema, value);
  expect(parsed.success).toBe(true);
  expect(parsed.data).toStrictEqual(value);
  return true;
}

function compiled(schema: z.core.$ZodType): InPlaceCheck {
  const check = compileInPlaceCheck(schema);
  if (check === undefined) throw new Error('expected the schema to compile');
  return check;
}

const leaf = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 8 }),
  fc.constantFrom('prn:1:not-a-uuid', '2026-12-02T10:00:00Z', 'yesterday', '10.0.0.1', '::1', 'connected', 'device', ''),
  fc.constant({}),
  fc.constant([]),
);

type Path = (string | number)[];
function paths(value: unknown, at: Path = []): Path[] {
  const found: Path[] = [at];
  if (Array.isArray(value)) value.forEach((item, i) => found.push(...paths(item, [...at, i])));
  else if (value !== null && typeof value === 'object') for (const key of Object.keys(value)) found.push(...paths((value as Record<string, unknown>)[key], [...at, key]));
  return found;
}

/** A copy of `value` with one member replaced, removed, or one member added next to it. */
function mutate(value: unknown, path: Path, how: 'replace' | 'remove' | 'add', replacement: unknown): unknown {
  if (path.length === 0) return how === 'replace' ? replacement : value;
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path as [string | number, ...Path];
  if (rest.length > 0) copy[head] = mutate(copy[head], rest, how, replacement);
  else if (how === 'replace') copy[head] = replacement;
  else if (how === 'remove') delete copy[head];
  else copy[`extra_${String(head)}`] = replacement;
  return copy;
}

function mutationsOf(sample: unknown) {
  const all = paths(sample);
  return fc.tuple(fc.constantFrom(...all), fc.constantFrom('replace' as const, 'remove' as const, 'add' as const), leaf, fc.nat(3)).map(
    ([path, how, replacement, more]) => {
      let value = mutate(sample, path, how, replacement);
      // Sometimes a second change, so that two faults and a fault beside a fix both occur.
      if (more === 0) value = mutate(value, all[(path.length * 7) % all.length]!, 'replace', replacement);
      return value;
    },
  );
}

const catalogs = [
  ['Peridio', peridioEventSchemas, samplePeridioEvent],
  ['EdgeSense', edgesenseEventSchemas, sampleEdgeSenseEvent],
] as const;

describe('the in-place check of the built-in catalogs', () => {
  for (const [sender, schemas, sample] of catalogs) {
    for (const [name, schema] of Object.entries(schemas)) {
      it(`${sender} ${name}: compiles, accepts the sample, and accepts only what zod accepts unchanged`, () => {
        const check = compiled(schema as z.core.$ZodType);
        const valid = (sample as (event: string) => unknown)(name);
        expect(agreesWithZod(schema as z.core.$ZodType, check, valid)).toBe(true);
        let refused = 0;
        fc.assert(
          fc.property(mutationsOf(valid), (value) => {
            if (!agreesWithZod(schema as z.core.$ZodType, check, value)) refused++;
          }),
          { numRuns: RUNS },
        );
        // Mutations that break the event must be met: a check that accepts everything fails here.
        expect(refused).toBeGreaterThan(0);
      });
    }
  }
});

describe('compileInPlaceCheck', () => {
  const shapes = {
    // Every kind it models, in both zod APIs.
    classic: z.object({
      id: z.string().min(2),
      count: z.number().int().positive(),
      flag: z.optional(z.boolean()),
      kind: z.enum(['a', 'b']),
      tag: z.literal('t'),
      note: z.string().nullish(),
      list: z.array(z.union([z.string(), z.number()])).max(3),
      nested: z.strictObject({ x: z.number() }),
      loose: z.looseObject({ y: z.string() }).refine((value) => Object.keys(value).length < 4),
      ip: z.nullable(z.union([z.ipv4(), z.ipv6()])),
      rest: z.object({ a: z.string() }).catchall(z.number()),
      anything: z.unknown(),
      nothing: z.null(),
      // zod takes the first option that accepts: the stripping one, for a value with extras.
      either: z.union([z.object({ a: z.string() }), z.looseObject({ a: z.string() })]),
      scalar: z.union([z.literal('x'), z.number().int(), z.looseObject({ y: z.string() })]),
    }),
    mini: zm.looseObject({
      id: zm.string().check(zm.minLength(2)),
      count: zm.number().check(zm.int(), zm.gte(1), zm.lte(10)),
      maybe: zm.nullish(zm.string()),
      items: zm.array(zm.looseObject({ k: zm.literal(['x', 'y']) })),
    }),
  };
  const member = fc.oneof(leaf, fc.constantFrom('ab', 7, 'x', 't', 'a', [1, 'q'], { x: 1 }, { y: 'v' }, { a: 'b', n: 2 }, [{ k: 'x' }]));
  const candidate = fc.oneof(
    fc.dictionary(fc.constantFrom('id', 'count', 'flag', 'kind', 'tag', 'note', 'list', 'nested', 'loose', 'ip', 'rest', 'anything', 'nothing', 'either', 'scalar', 'maybe', 'items', 'other'), member),
    fc.anything(),
  );
  const validClassic = {
    id: 'ab', count: 3, kind: 'a', tag: 't', note: null, list: ['x', 2], nested: { x: 1 }, loose: { y: 'z', more: true },
    ip: '10.0.0.1', rest: { a: 'b', n: 2 }, anything: [1], nothing: null, either: { a: 'b' }, scalar: 7,
  };
  const validMini = { id: 'ab', count: 3, items: [{ k: 'y', extra: 1 }], other: 'kept' };

  for (const [name, schema, valid] of [['classic zod', shapes.classic, validClassic], ['zod/mini', shapes.mini, validMini]] as const) {
    it(`${name}: accepts a valid value and only what zod accepts unchanged`, () => {
      const check = compiled(schema);
      expect(agreesWithZod(schema, check, valid)).toBe(true);
      let accepted = 0;
      fc.assert(
        fc.property(fc.oneof(candidate, mutationsOf(valid)), (value) => {
          if (agreesWithZod(schema, check, value)) accepted++;
        }),
        { numRuns: RUNS },
      );
      expect(accepted).toBeGreaterThan(0);
    });
  }

  it('leaves to zod what zod would change or copy differently', () => {
    const stripped = z.object({ a: z.string() });
    expect(compiled(stripped)({ a: 'x' })).toBe(true);
    // zod strips the extra member: the output would not be the input.
    expect(compiled(stripped)({ a: 'x', b: 1 })).toBe(false);
    const check = compiled(z.looseObject({ a: z.string() }));
    expect(check(Object.assign(Object.create(null), { a: 'x' }))).toBe(false);
    expect(check(JSON.parse('{"a":"x","__proto__":{"polluted":true}}'))).toBe(false);
    expect(check(new (class Thing { a = 'x'; })())).toBe(false);
    // A union's later option stands only after a definite no: an object option's no is not one.
    const either = compiled(z.union([z.object({ a: z.string() }), z.looseObject({ a: z.string() })]));
    expect(either({ a: 'x' })).toBe(true);
    expect(either({ a: 'x', b: 1 })).toBe(false);
    expect(zm.safeParse(z.union([z.object({ a: z.string() }), z.looseObject({ a: z.string() })]), { a: 'x', b: 1 }).data).toStrictEqual({ a: 'x' });
    const ip = compiled(z.union([z.ipv4(), z.ipv6()]));
    expect(ip('::1')).toBe(true);
    // An inherited member is not a present one.
    const inherited = compiled(z.looseObject({ constructor: z.unknown() }));
    expect(inherited({})).toBe(false);
    expect(inherited({ constructor: 1 })).toBe(true);
  });

  it('does not compile a schema that transforms, defaults, coerces or that it does not model', () => {
    for (const schema of [
      z.string().transform((text) => text.length),
      z.object({ a: z.string().default('x') }),
      z.coerce.number(),
      z.string().trim(),
      z.object({ a: z.date() }),
      z.record(z.string(), z.string()),
      z.lazy(() => z.string()),
      z.string().pipe(z.string()),
      z.looseObject({ a: z.string() }).catchall(z.string().optional()),
    ]) {
      expect(compileInPlaceCheck(schema)).toBeUndefined();
    }
  });

  it('leaves an asynchronous refinement to zod, whose answer stays the same', async () => {
    const slow = z.string().refine(async () => true);
    const check = compiled(slow);
    expect(check('x')).toBe(false);
    const catalog = defineCatalog({ name: 'slow', eventType: 'type', events: { a: z.looseObject({ type: z.string(), v: slow }) } });
    expect(() => catalog.parse({ type: 'a', v: 'x' })).toThrow();
    // Not a no either: a union must not go on to an option that would accept.
    const either = z.union([slow, z.string()]);
    expect(() => zm.safeParse(either, 'x')).toThrow();
    expect(compiled(either)('x')).toBe(false);
  });
});

describe('a catalog with in-place checks', () => {
  it('returns the payload it was given for a valid event, and zod\'s answer for any other', () => {
    const payload = samplePeridioEvent('device.connected');
    const parsed = defineCatalog({ name: 'p', eventType: ['type', 'data.type'], events: { 'device.connected': peridioEventSchemas['device.connected'] } }).parse(payload);
    expect(parsed.ok && parsed.event.payload).toBe(payload);
    const stripping = defineCatalog({ name: 's', eventType: 'type', events: { a: z.object({ type: z.literal('a') }) } });
    const result = stripping.parse({ type: 'a', extra: 1 });
    expect(result.ok && result.event.payload).toStrictEqual({ type: 'a' });
  });
});

describe('a catalog whose schema the in-place check cannot read', () => {
  it('leaves every payload of that event to zod', () => {
    const schema = z.looseObject({ type: z.literal('a'), n: z.number() });
    // Internals that throw when read: the compiler fails, parsing must not.
    Object.defineProperty(schema._zod, 'traits', { get: () => { throw new Error('unreadable'); } });
    const catalog = defineCatalog({ name: 'odd', eventType: 'type', events: { a: schema } });
    const payload = { type: 'a', n: 1 };
    const parsed = catalog.parse(payload);
    expect(parsed.ok && parsed.event.payload).toStrictEqual(payload);
    expect(parsed.ok && parsed.event.payload).not.toBe(payload);
    expect(catalog.parse({ type: 'a', n: 'x' })).toMatchObject({ ok: false, code: 'invalid_event' });
  });
});
