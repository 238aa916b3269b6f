// Both vendors received exactly like the built-in senders: verify -> typed event -> dedupe on
// the sender's id (acme: the body's `id`; shipping: a digest of the raw body) -> typed handler.
import { createWebhookReceiver, type DeliveryContext } from 'hookverify';
import { createDeduplicator } from 'hookverify/dedupe';
import { createExhaustiveRouter, createRouter } from 'hookverify/events';
import { createFetchHandler, type FetchHandler } from 'hookverify/fetch';
import { acmeUsers, createAcmeUsersVerifier } from '../custom-senders/acme-users.js';
import { createShippingVerifier, shipping } from '../custom-senders/shipping.js';
import { acmeEvents } from './acme-events.js';
import { shippingEvents } from './shipping-events.js';

/** Where the handlers report what they did; a real app would write to its database instead. */
export type Report = (line: string) => void;

export function createAcmeEndpoint(secret: string, report: Report): FetchHandler {
  // Handle what this app cares about; the rest of the catalog, and event types the vendor adds
  // later, fall through to the catch-alls instead of failing.
  const router = createRouter(
    acmeEvents,
    {
      'user.created': (event, { delivery }: DeliveryContext) => {
        const { id, email } = event.payload.data; // typed: email is a string here
        report(`welcome ${email} (${id}) from ${delivery.id}`);
      },
      'payment.failed': (event) => report(`payment ${event.payload.data.id} failed: ${event.payload.data.failure_reason ?? 'unknown reason'}`),
    },
    {
      onUnhandled: (event) => report(`ignored ${event.name}`),
      onUnknown: (event) => report(`unknown ${event.name}`),
    },
  );
  return createFetchHandler(
    createWebhookReceiver({
      verifier: createAcmeUsersVerifier(secret),
      events: acmeEvents,
      dedupe: createDeduplicator({ retention: acmeUsers }),
      handle: router,
    }),
  );
}

export function createShippingEndpoint(secret: string, report: Report): FetchHandler {
  // Exhaustive: when the catalog gains an event, this stops compiling until it is handled.
  const router = createExhaustiveRouter<typeof shippingEvents.events, DeliveryContext>(shippingEvents, {
    'shipment.created': (event) => report(`shipment ${event.payload.data.id} created (${event.payload.data.status})`),
    'shipment.updated': (event) => report(`shipment ${event.payload.data.id} is now ${event.payload.data.status}`),
    'user.created': (event) => report(`user ${event.payload.data.id} created`),
    'user.updated': (event, { delivery }) => report(`user ${event.payload.data.id} updated (delivery ${delivery.id?.slice(0, 8)})`),
  });
  return createFetchHandler(
    createWebhookReceiver({
      verifier: createShippingVerifier(secret),
      events: shippingEvents,
      dedupe: createDeduplicator({ retention: shipping }),
      handle: router,
    }),
  );
}
