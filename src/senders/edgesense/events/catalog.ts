import type * as z from 'zod/mini';
import { defineCatalog } from '../../../events/define-catalog.js';
import { edgesense } from '../sender.js';
import { configUpdateSchema, deviceAlertSchema, deviceDataSchema, deviceStatusSchema } from './schemas.js';

/**
 * The zod schema of every EdgeSense event, keyed by its `event` name. The envelope
 * `{ event, timestamp, deviceId, payload }` is typed; of the payloads only `device.data`'s
 * readings are documented, the others are open objects whose members are all kept.
 *
 * They are `zod/mini` schemas, which classic zod nests and spreads like its own (see
 * `peridioEventSchemas`).
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { edgesenseEventSchemas } from 'hookverify/edgesense/events';
 *
 * const result = edgesenseEventSchemas['device.data'].safeParse(payload);
 * const withSite = z.looseObject({ ...edgesenseEventSchemas['device.data'].shape, site: z.string() });
 * ```
 */
export const edgesenseEventSchemas = {
  'device.data': deviceDataSchema,
  'device.alert': deviceAlertSchema,
  'device.status': deviceStatusSchema,
  'config.update': configUpdateSchema,
} as const;

/**
 * EdgeSense's events, named by the envelope's `event` member.
 *
 * @example
 * ```ts
 * import { createEdgeSenseVerifier } from 'hookverify/edgesense';
 * import { edgesenseEvents } from 'hookverify/edgesense/events';
 *
 * const verifier = createEdgeSenseVerifier({ secret: process.env.EDGESENSE_SECRET });
 * const delivery = await verifier.verify({ body, headers });
 * const event = edgesenseEvents.parseOrThrow(delivery.payload);
 * if (event.name === 'device.data') console.log(event.payload.deviceId, event.payload.payload.temperature);
 * ```
 */
export const edgesenseEvents = defineCatalog({
  name: 'edgesense',
  sender: edgesense,
  eventType: 'event',
  events: edgesenseEventSchemas,
});

/** An EdgeSense event name, e.g. `"device.data"`. @example `const name: EdgeSenseEventName = 'device.alert';` */
export type EdgeSenseEventName = keyof typeof edgesenseEventSchemas;
/** `device.data`: a sensor reading; `temperature`, `humidity`, `pressure` are numbers when present. @example `(event: EdgeSenseDeviceDataEvent) => event.payload.temperature` */
export type EdgeSenseDeviceDataEvent = z.output<(typeof edgesenseEventSchemas)['device.data']>;
/** `device.alert`: a threshold was breached; the payload is undocumented and kept as sent. @example `(event: EdgeSenseDeviceAlertEvent) => event.payload` */
export type EdgeSenseDeviceAlertEvent = z.output<(typeof edgesenseEventSchemas)['device.alert']>;
/** `device.status`: a device went online or offline; the payload is undocumented and kept as sent. @example `(event: EdgeSenseDeviceStatusEvent) => event.deviceId` */
export type EdgeSenseDeviceStatusEvent = z.output<(typeof edgesenseEventSchemas)['device.status']>;
/** `config.update`: configuration was pushed to devices; the payload is undocumented and kept as sent. @example `(event: EdgeSenseConfigUpdateEvent) => event.timestamp` */
export type EdgeSenseConfigUpdateEvent = z.output<(typeof edgesenseEventSchemas)['config.update']>;
/** Event name -> EdgeSense event payload type. @example `type Reading = EdgeSenseEventMap['device.data'];` */
export type EdgeSenseEventMap = { [Name in EdgeSenseEventName]: z.output<(typeof edgesenseEventSchemas)[Name]> };

/** Any EdgeSense event payload (the whole envelope). @example `(event: EdgeSenseEvent) => event.deviceId` */
export type EdgeSenseEvent = EdgeSenseEventMap[EdgeSenseEventName];
