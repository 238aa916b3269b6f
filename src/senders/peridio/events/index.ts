/**
 * `hookverify/peridio/events`: zod schemas, types and the typed catalog of every Peridio event.
 * Loads zod's tree-shakable `zod/mini` API (about 16 KB gzipped with the catalog);
 * `hookverify/peridio` (verification only) loads no zod.
 *
 * @module
 */
export {
  peridioEvents,
  peridioEventSchemas,
  type PeridioApiKeyCreatedEvent,
  type PeridioDeviceAuthenticationFailedEvent,
  type PeridioDeviceCheckedForReleaseEvent,
  type PeridioDeviceClaimedReleaseEvent,
  type PeridioDeviceConnectedEvent,
  type PeridioDeviceDisconnectedEvent,
  type PeridioDeviceReleaseChangedEvent,
  type PeridioDeviceUpdatedEvent,
  type PeridioEvent,
  type PeridioEventName,
  type PeridioEventMap,
  type PeridioWebhookRequestFailedEvent,
  type PeridioWebhookTestFireEvent,
} from './catalog.js';
export { PERIDIO_AUTHENTICATION_FAILURE_REASONS, type PeridioAuthenticationFailureReason } from './device-events.js';
export { PERIDIO_REQUEST_FAILURE_TYPES, type PeridioRequestFailureType } from './webhook-events.js';
