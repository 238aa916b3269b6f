import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  createExhaustiveRouter,
  createRouter,
  defineCatalog,
  type AnyCatalog,
  type CatalogEvent,
  type EventNameOf,
  type ParsedEvent,
  type UnknownEvent,
} from '../../src/events/index.js';

const catalog = defineCatalog({
  name: 'shop',
  eventType: 'type',
  events: {
    'order.placed': z.looseObject({ type: z.literal('order.placed'), total: z.number() }),
    'order.cancelled': z.looseObject({ type: z.literal('order.cancelled'), reason: z.string().optional() }),
  },
});
type Events = typeof catalog.events;

describe('catalog types', () => {
  it('fits AnyCatalog, for code that takes any catalog', () => {
    expectTypeOf(catalog).toExtend<AnyCatalog>();
  });

  it('names the canonical events', () => {
    expectTypeOf<EventNameOf<typeof catalog>>().toEqualTypeOf<'order.placed' | 'order.cancelled'>();
  });

  it('parse gives a union narrowed by `unknown` and `name`', () => {
    const result = catalog.parse({});
    if (result.ok) {
      expectTypeOf(result.event).toEqualTypeOf<ParsedEvent<Events>>();
      if (result.event.unknown) {
        expectTypeOf(result.event).toEqualTypeOf<UnknownEvent>();
        expectTypeOf(result.event.payload).toBeUnknown();
      } else if (result.event.name === 'order.placed') {
        expectTypeOf(result.event.payload.total).toEqualTypeOf<number>();
        expectTypeOf(result.event.payload).toHaveProperty('type').toEqualTypeOf<'order.placed'>();
      }
    } else {
      expectTypeOf(result.code).toEqualTypeOf<'invalid_event' | 'unknown_event'>();
      expectTypeOf(result.issues[0]!.path).toBeString();
    }
  });

  it('strict parsing has no unknown events in its type', () => {
    const result = catalog.parse({}, { strict: true });
    if (result.ok) expectTypeOf(result.event.unknown).toEqualTypeOf<false>();
    expectTypeOf(catalog.parseOrThrow({}, { strict: true })).toEqualTypeOf<CatalogEvent<typeof catalog>>();
  });

  it('keeps unknown members as unknown-typed keys', () => {
    type Placed = CatalogEvent<typeof catalog, 'order.placed'>['payload'];
    expectTypeOf<Placed['anything']>().toBeUnknown();
  });
});

describe('router types', () => {
  it('gives each handler exactly its event', () => {
    createRouter(catalog, {
      'order.placed': (event) => {
        expectTypeOf(event.name).toEqualTypeOf<'order.placed'>();
        expectTypeOf(event.payload.total).toEqualTypeOf<number>();
      },
      'order.cancelled': (event) => {
        expectTypeOf(event.payload.reason).toEqualTypeOf<string | undefined>();
        // @ts-expect-error order.cancelled has no total
        void event.payload.total.toFixed();
      },
    });
  });

  it('refuses a misspelled key', () => {
    createRouter(catalog, {
      // @ts-expect-error not an event of the catalog
      'order.plaed': () => undefined,
    });
  });

  it('types the catch-alls', () => {
    createRouter(
      catalog,
      {},
      {
        onUnknown: (event) => expectTypeOf(event).toEqualTypeOf<UnknownEvent>(),
        onUnhandled: (event) => expectTypeOf(event).toEqualTypeOf<CatalogEvent<typeof catalog>>(),
      },
    );
  });

  it('infers the context from a handler and requires it in route', () => {
    const router = createRouter(catalog, { 'order.placed': (_event, context: { deliveryId: string }) => context.deliveryId });
    expectTypeOf(router.route).parameter(1).toEqualTypeOf<{ deliveryId: string }>();
    const event = catalog.parseOrThrow({});
    void router.route(event, { deliveryId: 'x' });
    // @ts-expect-error the context is required
    void router.route(event);
    // A router without a context routes with one argument.
    void createRouter(catalog, {}).route(event);
  });

  it('makes a missing or misspelled key a compile error when exhaustive', () => {
    // @ts-expect-error order.cancelled has no handler
    createExhaustiveRouter(catalog, { 'order.placed': () => undefined });
    createExhaustiveRouter(catalog, {
      'order.placed': () => undefined,
      'order.cancelled': () => undefined,
      // @ts-expect-error not an event of the catalog
      'order.canceled': () => undefined,
    });
    createExhaustiveRouter(catalog, {
      'order.placed': (event) => expectTypeOf(event.payload.total).toEqualTypeOf<number>(),
      'order.cancelled': () => undefined,
    });
  });
});
