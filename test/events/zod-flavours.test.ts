import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as zm from 'zod/mini';
import { dateTimeSchema, defineCatalog } from '../../src/events/index.js';
import { edgesenseEventSchemas } from '../../src/senders/edgesense/events/index.js';
import { peridioEvents, peridioEventSchemas } from '../../src/senders/peridio/events/index.js';
import { sampleEdgeSenseEvent, samplePeridioEvent } from '../../src/testing/index.js';

type Json = Record<string, unknown>;

/** Every object schema reachable from `schema`, through wrappers, unions and arrays. */
function objectsIn(schema: zm.core.$ZodType, found = new Set<zm.core.$ZodType>()): Set<zm.core.$ZodType> {
  const def = schema._zod.def as unknown as Json;
  const children: unknown[] = [];
  if (def.type === 'object') {
    found.add(schema);
    children.push(...Object.values(def.shape as Json), def.catchall);
  }
  children.push(def.innerType, def.element, ...((def.options as unknown[] | undefined) ?? []));
  for (const child of children) if (child) objectsIn(child as zm.core.$ZodType, found);
  return found;
}

describe('built-in schemas are zod/mini schemas', () => {
  const all = { ...peridioEventSchemas, ...edgesenseEventSchemas };

  it.each(Object.keys(all))('%s is a zod/mini object without classic methods', (name) => {
    const schema = all[name as keyof typeof all];
    expect(schema).toBeInstanceOf(zm.ZodMiniObject);
    expect(schema).not.toBeInstanceOf(z.ZodType);
    expect('extend' in schema).toBe(false);
  });

  it('parses every object, nested ones included, with the parser zod generates per shape', () => {
    // zod/mini's own z.looseObject walks the shape on every parse instead; one of those
    // slipping in is what the typed-event benchmark would show as a slowdown.
    const objects = new Set<zm.core.$ZodType>();
    for (const schema of Object.values(all)) objectsIn(schema, objects);
    expect(objects.size).toBeGreaterThan(20);
    for (const object of objects) {
      expect(object._zod.traits.has('$ZodObjectJIT')).toBe(true);
      expect(object).toBeInstanceOf(zm.ZodMiniObject);
    }
    // The check-walker sees what it should: a plain mini object is not one of them.
    expect(zm.looseObject({})._zod.traits.has('$ZodObjectJIT')).toBe(false);
  });

  it('keep their shape readable, through z.extend as well', () => {
    const connected = peridioEventSchemas['device.connected'];
    expect(Object.keys(connected.shape)).toEqual(['version', 'prn', 'type', 'inserted_at', 'data']);
    const extended = zm.extend(connected, { delivery_attempt: zm.number() });
    expect(Object.keys(extended.shape)).toContain('delivery_attempt');
    expect(extended._zod.traits.has('$ZodObjectJIT')).toBe(true);
    expect(zm.safeParse(extended, { ...samplePeridioEvent('device.connected'), delivery_attempt: 2 }).success).toBe(true);
    expect(zm.safeParse(extended, samplePeridioEvent('device.connected')).success).toBe(false);
  });

  it('keep members they do not name and add none for absent optional ones', () => {
    const sample: Json = { ...samplePeridioEvent('device.connected'), extra: { kept: true } };
    const result = peridioEventSchemas['device.connected'].safeParse(sample);
    expect(result.success && result.data).toEqual(sample);
    expect(result.success && Object.keys(result.data.data.data)).toEqual(['device', 'ip_address']);
  });
});

describe('messages without a zod locale', () => {
  // classic zod registers English globally whenever one of its schemas is built (this file
  // builds some), so each test here runs with the global settings cleared, as in an
  // application that loads only zod/mini, and puts them back afterwards.
  let saved: { customError: unknown; localeError: unknown };
  beforeEach(() => {
    const config = zm.config();
    saved = { customError: config.customError, localeError: config.localeError };
    zm.config({ customError: undefined, localeError: undefined });
  });
  afterEach(() => {
    zm.config(saved as Parameters<typeof zm.config>[0]);
  });

  const withoutIdentifier = () => {
    const sample = samplePeridioEvent('device.connected');
    const { identifier: _identifier, ...device } = sample.data.data.device;
    return { ...sample, data: { ...sample.data, data: { ...sample.data.data, device } } };
  };

  it('are zod English, and the global settings stay as they were', () => {
    const result = peridioEvents.parse(withoutIdentifier());
    expect(!result.ok && result.message).toBe(
      'peridio device.connected: data.data.device.identifier: Invalid input: expected string, received undefined',
    );
    expect(zm.config().localeError).toBeUndefined();
    expect(zm.config().customError).toBeUndefined();
    // What the parse would say without them: the reason they are passed at all.
    const bare = zm.safeParse(peridioEventSchemas['device.connected'], withoutIdentifier());
    expect(!bare.success && bare.error.issues[0]!.message).toBe('Invalid input');
  });

  it('are English in a catalog of zod/mini schemas the user wrote', () => {
    const mini = defineCatalog({ name: 'mini', eventType: 'kind', events: { tick: zm.looseObject({ kind: zm.literal('tick'), at: zm.number() }) } });
    expect(mini.parse({ kind: 'tick', at: 'noon' })).toMatchObject({ ok: false, message: 'mini tick: at: Invalid input: expected number, received string' });
  });

  it("follow the application's locale and custom error map when it has them", () => {
    zm.config({ localeError: (issue) => `locale: ${issue.code}` });
    expect(peridioEvents.parse(withoutIdentifier())).toMatchObject({ ok: false, issues: [{ message: 'locale: invalid_type' }] });
    zm.config({ customError: (issue) => (issue.code === 'invalid_type' ? 'custom' : undefined) });
    expect(peridioEvents.parse(withoutIdentifier())).toMatchObject({ ok: false, issues: [{ message: 'custom' }] });
    // Issues the custom map leaves alone still get the locale.
    const versionZero = { ...samplePeridioEvent('device.connected'), version: 0 };
    expect(peridioEvents.parse(versionZero)).toMatchObject({ ok: false, issues: [{ path: 'version', message: 'locale: too_small' }] });
  });

  it("keep the schema's own message over all of them", () => {
    zm.config({ localeError: () => 'locale' });
    const result = peridioEvents.parse({ ...samplePeridioEvent('device.connected'), inserted_at: 'yesterday' });
    expect(!result.ok && result.issues).toEqual([{ path: 'inserted_at', message: 'expected an RFC 3339 date-time' }]);
  });

  it('take a second parse only when no locale is configured', () => {
    let calls = 0;
    // zod/mini, as every schema built in these tests: building a classic one registers English.
    const refusing = defineCatalog({ name: 'refusing', eventType: 'type', events: { a: zm.looseObject({ type: zm.string().check(zm.refine(() => ++calls < 0, 'no')) }) } });
    // The in-place check refuses first (it only says "let zod decide"), then zod parses.
    expect(refusing.parse({ type: 'a' })).toMatchObject({ ok: false, issues: [{ path: 'type', message: 'no' }] });
    expect(calls).toBe(3);
    zm.config({ localeError: () => 'locale' });
    expect(refusing.parse({ type: 'a' })).toMatchObject({ ok: false, issues: [{ path: 'type', message: 'no' }] });
    expect(calls).toBe(5);
  });

  it('report the first answer of a schema that answers differently the second time', () => {
    let calls = 0;
    // Refused by the in-place check and by zod's first parse, accepted by the parse with messages.
    const fickle = defineCatalog({ name: 'fickle', eventType: 'type', events: { a: zm.looseObject({ type: zm.string().check(zm.refine(() => calls++ >= 2, 'refused twice')) }) } });
    expect(fickle.parse({ type: 'a' })).toMatchObject({ ok: false, issues: [{ path: 'type', message: 'refused twice' }] });
    expect(calls).toBe(3);
  });
});

describe('extending the built-in schemas with classic zod', () => {
  const connected = peridioEventSchemas['device.connected'];

  it('spreads a Peridio shape into a classic object', () => {
    const withAttempt = z.looseObject({ ...connected.shape, delivery_attempt: z.number().int().min(1) });
    const sample = samplePeridioEvent('device.connected');
    expect(withAttempt.parse({ ...sample, delivery_attempt: 3 })).toEqual({ ...sample, delivery_attempt: 3 });
    const missing = withAttempt.safeParse(sample);
    expect(!missing.success && missing.error.issues.map((issue) => issue.path.join('.'))).toEqual(['delivery_attempt']);
    // The Peridio members keep their rules inside the classic object.
    const badPrn = withAttempt.safeParse({ ...sample, prn: 'nope', delivery_attempt: 3 });
    expect(!badPrn.success && badPrn.error.issues[0]).toMatchObject({ path: ['prn'], message: expect.stringContaining('Peridio Resource Name') });
  });

  it('nests a Peridio schema and dateTimeSchema in classic objects', () => {
    const stored = z.object({ event: connected, received_at: dateTimeSchema, note: z.string().optional() });
    const sample = samplePeridioEvent('device.connected');
    expect(stored.parse({ event: sample, received_at: '2024-01-02T03:04:05Z' })).toEqual({ event: sample, received_at: '2024-01-02T03:04:05Z' });
    expect(stored.safeParse({ event: sample, received_at: '2024-02-30T00:00:00Z' }).success).toBe(false);
    expect(stored.safeParse({ event: { ...sample, version: 0 }, received_at: '2024-01-02T03:04:05Z' }).success).toBe(false);
  });

  it('builds a catalog of classic schemas around them', () => {
    const catalog = defineCatalog({
      name: 'mine',
      eventType: 'event',
      events: { 'device.data': z.looseObject({ ...edgesenseEventSchemas['device.data'].shape, site: z.string() }) },
    });
    const sample = { ...sampleEdgeSenseEvent('device.data'), site: 'north' };
    const result = catalog.parse(sample);
    expect(result.ok && !result.event.unknown && result.event.payload.site).toBe('north');
    expect(catalog.parse({ ...sample, deviceId: '' })).toMatchObject({ ok: false, issues: [{ path: 'deviceId' }] });
  });
});
