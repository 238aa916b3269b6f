import * as z from 'zod/mini';
import { looseObject } from '../../../events/loose-object.js';
import { dateTimeSchema } from '../../../events/date-time-schema.js';

/** Payloads the guide does not document: any object, every member kept. */
const openPayload = looseObject({});

function edgesenseEnvelope<const Name extends string, Payload extends z.ZodMiniType>(event: Name, payload: Payload) {
  return looseObject({
    event: z.literal(event),
    timestamp: dateTimeSchema,
    deviceId: z.string().check(z.minLength(1)),
    payload,
  });
}

// The guide's only example: numeric readings. Other readings a device sends are kept as they come.
export const deviceDataSchema = edgesenseEnvelope(
  'device.data',
  looseObject({
    temperature: z.optional(z.number()),
    humidity: z.optional(z.number()),
    pressure: z.optional(z.number()),
  }),
);

export const deviceAlertSchema = edgesenseEnvelope('device.alert', openPayload);
export const deviceStatusSchema = edgesenseEnvelope('device.status', openPayload);
export const configUpdateSchema = edgesenseEnvelope('config.update', openPayload);
