import { describe, expectTypeOf, it } from 'vitest';
import {
  createWebhookReceiver,
  type DedupeRunner,
  type DeliveryContext,
  type EventParser,
  type EventRouterLike,
} from '../../../src/core/pipeline/create-webhook-receiver.js';
import { createDeduplicator } from '../../../src/dedupe/index.js';
import { createRouter, type ParsedEvent } from '../../../src/events/index.js';
import { edgesenseEvents } from '../../../src/senders/edgesense/events/index.js';
import { peridioEvents } from '../../../src/senders/peridio/events/index.js';
import { createPeridioVerifier } from '../../../src/senders/peridio/verifier.js';

const verifier = createPeridioVerifier({ secret: '5F2D0B5C4A1E49E6B0A6C3D1E2F40718' });
type PeridioParsed = ParsedEvent<typeof peridioEvents.events>;

describe('createWebhookReceiver types', () => {
  it('accepts the real catalogs, deduplicator and routers through its structural seams', () => {
    expectTypeOf(peridioEvents).toExtend<EventParser<PeridioParsed>>();
    expectTypeOf(createDeduplicator()).toExtend<DedupeRunner>();
    expectTypeOf(createRouter(peridioEvents, {})).toExtend<EventRouterLike<PeridioParsed>>();
  });

  it('types the handler with the catalog’s events, and the payload as unknown without one', () => {
    createWebhookReceiver({
      verifier,
      events: peridioEvents,
      handle: (event, context) => {
        expectTypeOf(event).toEqualTypeOf<PeridioParsed>();
        expectTypeOf(context).toEqualTypeOf<DeliveryContext>();
        if (!event.unknown && event.name === 'device.release-changed') {
          expectTypeOf(event.payload.data.data.to_release.version).toEqualTypeOf<string>();
        }
      },
    });
    createWebhookReceiver({
      verifier,
      handle: (payload) => {
        expectTypeOf(payload).toEqualTypeOf<unknown>();
      },
    });
  });

  it('gives a router created with DeliveryContext the delivery', () => {
    createWebhookReceiver({
      verifier,
      events: peridioEvents,
      handle: createRouter<typeof peridioEvents.events, DeliveryContext>(peridioEvents, {
        'webhook.test-fire': (_event, { delivery }) => {
          expectTypeOf(delivery.id).toEqualTypeOf<string | undefined>();
        },
      }),
    });
  });

  it('refuses a router of another catalog', () => {
    createWebhookReceiver({
      verifier,
      events: peridioEvents,
      // @ts-expect-error an EdgeSense router cannot route Peridio events
      handle: createRouter(edgesenseEvents, {}),
    });
  });

  it('refuses options that cannot work', () => {
    // @ts-expect-error a mode that does not exist
    createWebhookReceiver({ verifier, handle: () => {}, mode: 'fire-and-forget' });
    // @ts-expect-error the handler is required
    createWebhookReceiver({ verifier });
  });
});
