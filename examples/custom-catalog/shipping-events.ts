// The events of seed 004's vendor: { event: "shipment.created", data: { id, status, created_at },
// timestamp }. The `signature` member its guide shows inside the body is kept like any other.
import { z } from 'zod';
import { dateTimeSchema, defineCatalog } from 'hookverify/events';
import { shipping } from '../custom-senders/shipping.js';

function shippingEvent<const Name extends string, Data extends z.ZodType>(event: Name, data: Data) {
  return z.looseObject({ event: z.literal(event), timestamp: dateTimeSchema, data });
}

const shipment = z.looseObject({ id: z.string(), status: z.string(), created_at: z.optional(dateTimeSchema) });
const user = z.looseObject({ id: z.string() });

export const shippingEvents = defineCatalog({
  name: 'shipping',
  sender: shipping,
  eventType: 'event',
  events: {
    'shipment.created': shippingEvent('shipment.created', shipment),
    'shipment.updated': shippingEvent('shipment.updated', shipment),
    'user.created': shippingEvent('user.created', user),
    'user.updated': shippingEvent('user.updated', user),
  },
});
