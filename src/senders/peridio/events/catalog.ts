import type * as z from 'zod/mini';
import { defineCatalog } from '../../../events/define-catalog.js';
import { peridio } from '../sender.js';
import { apiKeyCreatedSchema } from './api-key-events.js';
import {
  deviceAuthenticationFailedSchema,
  deviceCheckedForReleaseSchema,
  deviceClaimedReleaseSchema,
  deviceConnectedSchema,
  deviceDisconnectedSchema,
  deviceReleaseChangedSchema,
  deviceUpdatedSchema,
} from './device-events.js';
import { webhookRequestFailedSchema, webhookTestFireSchema } from './webhook-events.js';

/**
 * The zod schema of every Peridio event, keyed by canonical name: `<category>.<subtype>` with
 * the subtype in hyphens, as in Peridio's enabled-events list (`device.release-changed`,
 * `api_key.created`, `webhook.test-fire`). Each schema covers the whole envelope and keeps
 * members it does not name. JSON Schema versions ship in the package under `schemas/peridio/`.
 *
 * They are `zod/mini` schemas: `parse`, `safeParse` and `shape` are there, classic zod's
 * methods (`.extend()`, `.optional()`) are not. Classic zod takes them as they are, nested in
 * its objects or spread from their `shape`.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { peridioEventSchemas } from 'hookverify/peridio/events';
 *
 * const result = peridioEventSchemas['device.connected'].safeParse(payload);
 *
 * const connected = peridioEventSchemas['device.connected'];
 * const withAttempt = z.looseObject({ ...connected.shape, delivery_attempt: z.number().int() });
 * const stored = z.object({ event: connected, received_at: z.iso.datetime() });
 * ```
 */
export const peridioEventSchemas = {
  'device.connected': deviceConnectedSchema,
  'device.disconnected': deviceDisconnectedSchema,
  'device.authentication-failed': deviceAuthenticationFailedSchema,
  'device.checked-for-release': deviceCheckedForReleaseSchema,
  'device.claimed-release': deviceClaimedReleaseSchema,
  'device.release-changed': deviceReleaseChangedSchema,
  'device.updated': deviceUpdatedSchema,
  'api_key.created': apiKeyCreatedSchema,
  'webhook.test-fire': webhookTestFireSchema,
  'webhook.request-failed': webhookRequestFailedSchema,
} as const;

/**
 * Peridio's events. A payload's type is `type` + `.` + `data.type`, in either of Peridio's
 * spellings (`release_changed` or `release-changed`); the parsed event's `name` is always the
 * canonical hyphenated one. Types Peridio adds later (its SDK already knows `audit_log.api_request`)
 * come out as unknown events, not errors, unless parsing is strict.
 *
 * @example
 * ```ts
 * import { createPeridioVerifier } from 'hookverify/peridio';
 * import { peridioEvents } from 'hookverify/peridio/events';
 *
 * const verifier = createPeridioVerifier({ secret: process.env.PERIDIO_WEBHOOK_SECRET });
 * const delivery = await verifier.verify({ body, headers });
 * const result = peridioEvents.parse(delivery.payload);
 * if (result.ok && result.event.name === 'device.release-changed') {
 *   console.log(result.event.payload.data.data.to_release.version);
 * }
 * ```
 */
export const peridioEvents = defineCatalog({
  name: 'peridio',
  sender: peridio,
  eventType: ['type', 'data.type'],
  events: peridioEventSchemas,
  aliases: {
    'device.authentication_failed': 'device.authentication-failed',
    'device.checked_for_release': 'device.checked-for-release',
    'device.claimed_release': 'device.claimed-release',
    'device.release_changed': 'device.release-changed',
    'webhook.test_fire': 'webhook.test-fire',
    'webhook.request_failed': 'webhook.request-failed',
  },
});

/** A canonical Peridio event name, e.g. `"device.release-changed"`. @example `const name: PeridioEventName = 'device.connected';` */
export type PeridioEventName = keyof typeof peridioEventSchemas;

/** `device.connected`: a device connected to Peridio. @example `(event: PeridioDeviceConnectedEvent) => event.data.data.ip_address` */
export type PeridioDeviceConnectedEvent = z.output<(typeof peridioEventSchemas)['device.connected']>;
/** `device.disconnected`: a device's connection closed. @example `(event: PeridioDeviceDisconnectedEvent) => event.data.data.device.prn` */
export type PeridioDeviceDisconnectedEvent = z.output<(typeof peridioEventSchemas)['device.disconnected']>;
/** `device.authentication-failed`: a device failed to authenticate; `reason` is an open set. @example `(event: PeridioDeviceAuthenticationFailedEvent) => event.data.data.reason` */
export type PeridioDeviceAuthenticationFailedEvent = z.output<(typeof peridioEventSchemas)['device.authentication-failed']>;
/** `device.checked-for-release`: a device asked for an update; `current_release` (guide) or `release` (+ `bundle`, OpenAPI), at least one of the two. @example `(event: PeridioDeviceCheckedForReleaseEvent) => event.data.data.current_release ?? event.data.data.release` */
export type PeridioDeviceCheckedForReleaseEvent = z.output<(typeof peridioEventSchemas)['device.checked-for-release']>;
/** `device.claimed-release`: a device claimed a release. @example `(event: PeridioDeviceClaimedReleaseEvent) => event.data.data.release.version` */
export type PeridioDeviceClaimedReleaseEvent = z.output<(typeof peridioEventSchemas)['device.claimed-release']>;
/** `device.release-changed`: a device now runs another release; `from_release` is null on the first. @example `(event: PeridioDeviceReleaseChangedEvent) => event.data.data.to_release.version` */
export type PeridioDeviceReleaseChangedEvent = z.output<(typeof peridioEventSchemas)['device.release-changed']>;
/** `device.updated`: a device's metadata changed. @example `(event: PeridioDeviceUpdatedEvent) => event.data.data.device.tags` */
export type PeridioDeviceUpdatedEvent = z.output<(typeof peridioEventSchemas)['device.updated']>;
/** `api_key.created`: `{ api_key: { prn, name } }` (guide) or `{ api_key_prn, creator_prn }` (OpenAPI); at least one of the two. @example `(event: PeridioApiKeyCreatedEvent) => event.data.data.api_key?.prn ?? event.data.data.api_key_prn` */
export type PeridioApiKeyCreatedEvent = z.output<(typeof peridioEventSchemas)['api_key.created']>;
/** `webhook.test-fire`: URL verification or a manual test; `{}` or `{ webhook_prn }`. @example `(event: PeridioWebhookTestFireEvent) => event.data.data.webhook_prn` */
export type PeridioWebhookTestFireEvent = z.output<(typeof peridioEventSchemas)['webhook.test-fire']>;
/** `webhook.request-failed`: a delivery to a webhook failed. @example `(event: PeridioWebhookRequestFailedEvent) => event.data.data.type` */
export type PeridioWebhookRequestFailedEvent = z.output<(typeof peridioEventSchemas)['webhook.request-failed']>;

/** Canonical name -> Peridio event payload type. @example `type Changed = PeridioEventMap['device.release-changed'];` */
export type PeridioEventMap = { [Name in PeridioEventName]: z.output<(typeof peridioEventSchemas)[Name]> };

/** Any Peridio event payload (the whole envelope). @example `(event: PeridioEvent) => event.prn` */
export type PeridioEvent = PeridioEventMap[PeridioEventName];
