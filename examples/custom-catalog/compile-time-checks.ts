// Mistakes the types catch before anything runs. Every `@ts-expect-error` below must stay an
// error: the example's type check (test/examples/custom-catalog.test.ts) fails if one compiles.
import { createExhaustiveRouter, createRouter } from 'hookverify/events';
import { acmeEvents } from './acme-events.js';
import { shippingEvents } from './shipping-events.js';

createRouter(acmeEvents, {
  // @ts-expect-error misspelled: the vendor's event is payment.failed
  'payment.fail': () => undefined,
});

createRouter(acmeEvents, {
  'user.deleted': (event) => {
    // @ts-expect-error user.deleted's data carries the id only, no email
    void event.payload.data.email.toLowerCase();
  },
});

// @ts-expect-error exhaustive: user.updated has no handler
createExhaustiveRouter(shippingEvents, {
  'shipment.created': () => undefined,
  'shipment.updated': () => undefined,
  'user.created': () => undefined,
});

export function statusOf(payload: unknown): string | undefined {
  const result = shippingEvents.parse(payload);
  if (!result.ok || result.event.unknown) return undefined;
  // Narrowing on the name gives that event's payload.
  if (result.event.name === 'shipment.updated') return result.event.payload.data.status;
  // @ts-expect-error the other names do not all carry a status
  return result.event.payload.data.status;
}
