import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import * as zm from 'zod/mini';
import { createExhaustiveRouter, defineCatalog, type CatalogEvent, type EventSchemas } from '../../src/events/index.js';
import { edgesenseEventSchemas, type EdgeSenseDeviceDataEvent } from '../../src/senders/edgesense/events/index.js';
import { peridioEventSchemas, type PeridioDeviceConnectedEvent } from '../../src/senders/peridio/events/index.js';

describe('schemas of either zod API', () => {
  it('are event schemas, and other values are not', () => {
    expectTypeOf({ a: z.looseObject({}), b: zm.looseObject({}), c: peridioEventSchemas['device.connected'] }).toExtend<EventSchemas>();
    // @ts-expect-error a plain object is not a schema
    defineCatalog({ name: 'x', eventType: 'type', events: { a: {} } });
  });

  it('type a classic object spread from a Peridio shape', () => {
    const withAttempt = z.looseObject({ ...peridioEventSchemas['device.connected'].shape, delivery_attempt: z.number() });
    const parsed = withAttempt.parse({});
    expectTypeOf(parsed.delivery_attempt).toEqualTypeOf<number>();
    expectTypeOf(parsed.data).toEqualTypeOf<PeridioDeviceConnectedEvent['data']>();
    expectTypeOf(parsed.data.data.device.identifier).toEqualTypeOf<string>();
  });

  it('type a Peridio schema nested in a classic object as the Peridio event', () => {
    const stored = z.object({ event: peridioEventSchemas['device.connected'], note: z.string().optional() });
    expectTypeOf(stored.parse({})).toEqualTypeOf<{ event: PeridioDeviceConnectedEvent; note?: string | undefined }>();
  });

  it('type the events of a catalog mixing classic and mini schemas', () => {
    const mixed = defineCatalog({
      name: 'mixed',
      eventType: 'event',
      events: {
        'device.data': z.looseObject({ ...edgesenseEventSchemas['device.data'].shape, site: z.string() }),
        tick: zm.looseObject({ event: zm.literal('tick'), at: zm.number() }),
      },
    });
    createExhaustiveRouter(mixed, {
      'device.data': (event) => {
        expectTypeOf(event.payload.site).toEqualTypeOf<string>();
        expectTypeOf(event.payload.payload).toEqualTypeOf<EdgeSenseDeviceDataEvent['payload']>();
      },
      tick: (event) => expectTypeOf(event).toEqualTypeOf<CatalogEvent<typeof mixed, 'tick'>>(),
    });
    expectTypeOf<CatalogEvent<typeof mixed, 'tick'>['payload']['at']>().toEqualTypeOf<number>();
  });
});
