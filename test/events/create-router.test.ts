import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ConfigurationError } from '../../src/index.js';
import { createExhaustiveRouter, createRouter, defineCatalog } from '../../src/events/index.js';

const catalog = defineCatalog({
  name: 'shop',
  eventType: 'type',
  events: {
    'order.placed': z.looseObject({ type: z.literal('order.placed'), total: z.number() }),
    'order.cancelled': z.looseObject({ type: z.literal('order.cancelled') }),
  },
});

const placed = catalog.parseOrThrow({ type: 'order.placed', total: 3 });
const cancelled = catalog.parseOrThrow({ type: 'order.cancelled' });
const unknown = catalog.parseOrThrow({ type: 'refund.issued' });

describe('createRouter', () => {
  it('calls the handler of the event, with the event and the context, and only it', async () => {
    const onPlaced = vi.fn();
    const onCancelled = vi.fn();
    const router = createRouter(catalog, { 'order.placed': onPlaced, 'order.cancelled': onCancelled });
    await expect(router.route(placed, undefined)).resolves.toBe(true);
    expect(onPlaced).toHaveBeenCalledExactlyOnceWith(placed, undefined);
    expect(onCancelled).not.toHaveBeenCalled();
  });

  it('passes the context through', async () => {
    const seen: string[] = [];
    const router = createRouter(catalog, { 'order.placed': (event, context: { id: string }) => void seen.push(`${event.name}:${context.id}`) });
    await router.route(placed, { id: 'd1' });
    expect(seen).toEqual(['order.placed:d1']);
  });

  it('sends unknown events to onUnknown, and resolves false without it', async () => {
    const onUnknown = vi.fn();
    await expect(createRouter(catalog, {}, { onUnknown }).route(unknown, undefined)).resolves.toBe(true);
    expect(onUnknown).toHaveBeenCalledExactlyOnceWith(unknown, undefined);
    await expect(createRouter(catalog, { 'order.placed': vi.fn() }).route(unknown)).resolves.toBe(false);
  });

  it('sends known events without a handler to onUnhandled, and resolves false without it', async () => {
    const onUnhandled = vi.fn();
    const onUnknown = vi.fn();
    const router = createRouter(catalog, { 'order.placed': vi.fn() }, { onUnhandled, onUnknown });
    await expect(router.route(cancelled, undefined)).resolves.toBe(true);
    expect(onUnhandled).toHaveBeenCalledExactlyOnceWith(cancelled, undefined);
    expect(onUnknown).not.toHaveBeenCalled();
    await expect(createRouter(catalog, {}).route(cancelled)).resolves.toBe(false);
  });

  it('waits for an async handler and rejects with its error, sync throws included', async () => {
    let done = false;
    const slow = createRouter(catalog, {
      'order.placed': async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        done = true;
      },
    });
    await slow.route(placed);
    expect(done).toBe(true);
    const failing = createRouter(catalog, {
      'order.placed': () => {
        throw new Error('db down');
      },
    });
    await expect(failing.route(placed)).rejects.toThrow('db down');
  });

  it('says which events it handles', () => {
    const router = createRouter(catalog, { 'order.placed': vi.fn(), 'order.cancelled': undefined });
    expect(router.handles('order.placed')).toBe(true);
    expect(router.handles('order.cancelled')).toBe(false);
    expect(router.catalog).toBe(catalog);
  });

  it('refuses a key that is not an event name, or a handler that is not a function, at creation', () => {
    expect(() => createRouter(catalog, { 'order.plaed': vi.fn() } as never)).toThrow(ConfigurationError);
    expect(() => createRouter(catalog, { 'order.placed': 'nope' } as never)).toThrow(ConfigurationError);
  });

  it('refuses an alias as a key: handlers are keyed by canonical name', () => {
    const aliased = defineCatalog({
      name: 'aliased',
      eventType: 'type',
      events: { 'a-b': z.looseObject({}) },
      aliases: { a_b: 'a-b' },
    });
    expect(() => createRouter(aliased, { a_b: vi.fn() } as never)).toThrow('aliased has no event named "a_b"');
  });
});

describe('createExhaustiveRouter', () => {
  it('routes every event and sends unknown ones to onUnknown', async () => {
    const calls: string[] = [];
    const router = createExhaustiveRouter(
      catalog,
      {
        'order.placed': (event) => void calls.push(`placed ${event.payload.total}`),
        'order.cancelled': (event) => void calls.push(event.name),
      },
      { onUnknown: (event) => void calls.push(`unknown ${event.name}`) },
    );
    for (const event of [placed, cancelled, unknown]) await router.route(event);
    expect(calls).toEqual(['placed 3', 'order.cancelled', 'unknown refund.issued']);
  });

  it('refuses a map that misses an event at runtime too', () => {
    expect(() => createExhaustiveRouter(catalog, { 'order.placed': vi.fn() } as never)).toThrow('no handler for "order.cancelled"');
  });
});
