import { z } from 'zod';
import { dateTimeSchema } from '../../../events/date-time-schema.js';

/** Payloads the guide does not document: any object, every member kept. */
const openPayload = z.looseObject({});

function edgesenseEnvelope<const Name extends string, Payload extends z.ZodType>(event: Name, payload: Payload) {
  return z.looseObject({
    event: z.literal(event),
    timestamp: dateTimeSchema,
    deviceId: z.string().min(1),
    payload,
  });
}

// The guide's only example: numeric readings. Other readings a device sends are kept as they come.
export const deviceDataSchema = edgesenseEnvelope(
  'device.data',
  z.looseObject({
    temperature: z.number().optional(),
    humidity: z.number().optional(),
    pressure: z.number().optional(),
  }),
);

export const deviceAlertSchema = edgesenseEnvelope('device.alert', openPayload);
export const deviceStatusSchema = edgesenseEnvelope('device.status', openPayload);
export const configUpdateSchema = edgesenseEnvelope('config.update', openPayload);
