import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigurationError, EventValidationError } from '../../src/index.js';
import { defineCatalog } from '../../src/events/index.js';

const shop = defineCatalog({
  name: 'shop',
  eventType: 'type',
  events: {
    'order.placed': z.looseObject({
      type: z.literal('order.placed'),
      data: z.looseObject({ id: z.string(), items: z.array(z.looseObject({ sku: z.string() })) }),
    }),
    'order.cancelled': z.looseObject({ type: z.enum(['order.cancelled', 'order.canceled']), data: z.looseObject({ id: z.string() }) }),
  },
  aliases: { 'order.canceled': 'order.cancelled' },
});

const placed = { type: 'order.placed', data: { id: 'o1', items: [{ sku: 'a' }] } };

describe('defineCatalog: parse', () => {
  it('parses a known event into its canonical name and typed payload', () => {
    const result = shop.parse(placed);
    expect(result).toEqual({ ok: true, event: { name: 'order.placed', payload: placed, unknown: false } });
  });

  it('routes an alias spelling to the canonical name and keeps the payload as sent', () => {
    const result = shop.parse({ type: 'order.canceled', data: { id: 'o1' } });
    expect(result.ok && result.event.name).toBe('order.cancelled');
    expect(result.ok && (result.event.payload as { type: string }).type).toBe('order.canceled');
  });

  it('keeps members the schema does not name, at every depth', () => {
    const payload = { ...placed, extra: 1, data: { ...placed.data, note: 'x', items: [{ sku: 'a', qty: 2 }] } };
    const result = shop.parse(payload);
    expect(result.ok && result.event.payload).toEqual(payload);
  });

  it('names the failing path of a missing required member, array indices included', () => {
    const result = shop.parse({ type: 'order.placed', data: { id: 'o1', items: [{ sku: 'a' }, {}] } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('invalid_event');
    expect(result.name).toBe('order.placed');
    expect(result.issues).toEqual([{ path: 'data.items[1].sku', message: expect.stringContaining('expected string') }]);
    expect(result.message).toBe('shop order.placed: data.items[1].sku: Invalid input: expected string, received undefined');
  });

  it('counts further issues in the message', () => {
    const result = shop.parse({ type: 'order.placed', data: {} });
    expect(!result.ok && result.message).toMatch(/^shop order\.placed: data\.id: .* \(and 1 more issue\)$/);
    expect(!result.ok && result.issues.map((issue) => issue.path)).toEqual(['data.id', 'data.items']);
  });

  it('returns an unknown event, untouched, for a type the catalog does not know', () => {
    const payload = { type: 'refund.issued', data: { anything: true } };
    const result = shop.parse(payload);
    expect(result).toEqual({ ok: true, event: { name: 'refund.issued', payload, unknown: true } });
    expect(result.ok && result.event.payload).toBe(payload);
  });

  it('rejects an unknown type with unknown_event when strict', () => {
    const result = shop.parse({ type: 'refund.issued' }, { strict: true });
    expect(result).toMatchObject({ ok: false, code: 'unknown_event', name: 'refund.issued' });
    expect(!result.ok && result.message).toBe('shop: "refund.issued" is not an event of this catalog');
    expect(shop.parse(placed, { strict: true }).ok).toBe(true);
  });

  it.each([
    ['no type member', { data: {} }],
    ['a non-string type', { type: 7 }],
    ['an empty type', { type: '' }],
    ['an array', [placed]],
    ['null', null],
    ['a string', 'order.placed'],
  ])('refuses a payload with %s as invalid_event, naming the path', (_label, payload) => {
    const result = shop.parse(payload);
    expect(result).toMatchObject({ ok: false, code: 'invalid_event', name: undefined });
    expect(!result.ok && result.message).toBe('shop: the payload names no event type (type: expected a string naming the event type)');
  });

  it('does not read the type from the prototype chain', () => {
    const payload = Object.create({ type: 'order.placed' }) as object;
    expect(shop.parse(payload).ok).toBe(false);
  });

  it('joins several type paths with "." and reports the first one missing', () => {
    const nested = defineCatalog({
      name: 'nested',
      eventType: ['kind', 'detail.kind'],
      events: { 'a.b': z.looseObject({ kind: z.literal('a') }) },
    });
    expect(nested.parse({ kind: 'a', detail: { kind: 'b' } })).toMatchObject({ ok: true, event: { name: 'a.b', unknown: false } });
    expect(nested.parse({ kind: 'a', detail: {} })).toMatchObject({ ok: false, issues: [{ path: 'detail.kind' }] });
  });

  it('accepts a function as the type locator', () => {
    const fn = defineCatalog({
      name: 'fn',
      eventType: (payload) => (payload as { t: string }).t.toLowerCase(),
      events: { ping: z.looseObject({ t: z.string() }) },
    });
    expect(fn.parse({ t: 'PING' })).toMatchObject({ ok: true, event: { name: 'ping' } });
    expect(fn.parse({})).toMatchObject({ ok: false, code: 'invalid_event', message: 'fn: the payload names no event type' });
    // A locator that throws on a payload it did not expect is a payload without a type.
    expect(fn.parse(null)).toMatchObject({ ok: false, code: 'invalid_event' });
  });

  // Issue #11, item 15: GitHub names the event in a header, not in the payload.
  it('takes the event type from the delivery when told to, and says how to pass it', () => {
    const fromHeader = defineCatalog({
      name: 'gh',
      eventType: { fromDelivery: true },
      events: { ping: z.looseObject({ zen: z.string() }) },
    });
    expect(fromHeader.parse({ zen: 'z', type: 'other' }, { eventType: 'ping' })).toMatchObject({ ok: true, event: { name: 'ping' } });
    expect(fromHeader.parse({ zen: 'z' }, { eventType: 'push' })).toMatchObject({ ok: true, event: { name: 'push', unknown: true } });
    const missing = fromHeader.parse({ zen: 'z' });
    expect(missing).toMatchObject({ ok: false, code: 'invalid_event', message: expect.stringMatching(/delivery names no event type.*eventType: delivery\.eventType/) });
    // Other catalogs read the payload and ignore a delivery's event type.
    expect(shop.parse({ type: 'order.cancelled', data: { id: 'o1' } }, { eventType: 'order.placed' })).toMatchObject({ ok: true, event: { name: 'order.cancelled' } });
    expect(() => defineCatalog({ name: 'x', eventType: { fromDelivery: 'yes' } as never, events: {} })).toThrow(ConfigurationError);
  });

  it('shortens a very long unknown type in messages', () => {
    const result = shop.parse({ type: 'x'.repeat(5000) }, { strict: true });
    expect(!result.ok && result.message.length).toBeLessThan(200);
  });

  it('reports the branch of a union that got deepest, with its full path', () => {
    const either = defineCatalog({
      name: 'either',
      eventType: 'type',
      events: {
        created: z.looseObject({
          data: z.union([z.looseObject({ key: z.looseObject({ id: z.string() }) }), z.looseObject({ key_id: z.string() })]),
        }),
      },
    });
    const result = either.parse({ type: 'created', data: { key: {} } });
    expect(!result.ok && result.issues).toEqual([{ path: 'data.key.id', message: expect.any(String) }]);
    const other = either.parse({ type: 'created', data: {} });
    // Neither shape is closer: both are named, at the union's path.
    expect(!other.ok && other.issues).toEqual([
      { path: 'data', message: expect.stringMatching(/^matches none of the accepted shapes \(data\.key: .*; or data\.key_id: .*\)$/) },
    ]);
  });
});

describe('defineCatalog: parseOrThrow', () => {
  it('returns the event', () => {
    expect(shop.parseOrThrow(placed)).toMatchObject({ name: 'order.placed', unknown: false });
  });

  it('throws EventValidationError with the code and the path-naming message', () => {
    const attempt = () => shop.parseOrThrow({ type: 'order.placed', data: { items: [] } });
    expect(attempt).toThrow(EventValidationError);
    expect(attempt).toThrow('shop order.placed: data.id: Invalid input: expected string, received undefined');
    try {
      shop.parseOrThrow({ type: 'nope' }, { strict: true });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EventValidationError);
      expect((error as EventValidationError).code).toBe('unknown_event');
    }
  });
});

describe('defineCatalog: definition', () => {
  const schema = z.looseObject({});

  it('exposes names, schemas and canonical names', () => {
    expect(shop.name).toBe('shop');
    expect(shop.eventNames).toEqual(['order.placed', 'order.cancelled']);
    expect(shop.canonicalName('order.canceled')).toBe('order.cancelled');
    expect(shop.canonicalName('order.cancelled')).toBe('order.cancelled');
    expect(shop.canonicalName('toString')).toBeUndefined();
    expect(shop.sender).toBeUndefined();
    expect(Object.isFrozen(shop)).toBe(true);
  });

  it.each([
    ['an empty name', { name: '', eventType: 'type', events: { a: schema } }],
    ['a schema that is not zod', { name: 'x', eventType: 'type', events: { a: {} } }],
    ['an alias to no event', { name: 'x', eventType: 'type', events: { a: schema }, aliases: { b: 'c' } }],
    ['an alias that shadows an event', { name: 'x', eventType: 'type', events: { a: schema, b: schema }, aliases: { b: 'a' } }],
    ['an empty path', { name: 'x', eventType: 'data..type', events: { a: schema } }],
    ['no paths', { name: 'x', eventType: [], events: { a: schema } }],
    ['an empty event name', { name: 'x', eventType: 'type', events: { '': schema } }],
  ])('refuses %s with a ConfigurationError', (_label, definition) => {
    expect(() => defineCatalog(definition as never)).toThrow(ConfigurationError);
  });
});

describe('an event type read from several paths', () => {
  it('finds a spelling whichever value holds its dots, and its aliases, as joining the values would', () => {
    const dotted = defineCatalog({
      name: 'dotted',
      eventType: ['kind', 'detail.kind'],
      events: { 'a.b.c': z.looseObject({ kind: z.string() }), 'x.y': z.looseObject({ kind: z.string() }) },
      aliases: { 'x.y_old': 'x.y' },
    });
    expect(dotted.parse({ kind: 'a', detail: { kind: 'b.c' } })).toMatchObject({ ok: true, event: { name: 'a.b.c', unknown: false } });
    expect(dotted.parse({ kind: 'a.b', detail: { kind: 'c' } })).toMatchObject({ ok: true, event: { name: 'a.b.c', unknown: false } });
    expect(dotted.parse({ kind: 'x', detail: { kind: 'y_old' } })).toMatchObject({ ok: true, event: { name: 'x.y', unknown: false } });
    expect(dotted.parse({ kind: 'a', detail: { kind: 'b' } })).toMatchObject({ ok: true, event: { name: 'a.b', unknown: true } });
    expect(dotted.parse({ kind: 'a.b', detail: { kind: 'd' } }, { strict: true })).toMatchObject({ ok: false, code: 'unknown_event', name: 'a.b.d' });
  });

  it('still finds a spelling with more ways to split than the index holds', () => {
    const many = 'a.'.repeat(80) + 'end';
    const deep = defineCatalog({ name: 'deep', eventType: ['p', 'q', 'r'], events: { [many]: z.looseObject({}) } });
    const [p, q, ...r] = many.split('.');
    expect(deep.parse({ p, q, r: r.join('.') })).toMatchObject({ ok: true, event: { name: many, unknown: false } });
  });
});
