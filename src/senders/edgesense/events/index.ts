/**
 * `hookverify/edgesense/events`: zod schemas, types and the typed catalog of EdgeSense events.
 * Loads zod's tree-shakable `zod/mini` API; `hookverify/edgesense` (verification only) loads no zod.
 *
 * @module
 */
export {
  edgesenseEvents,
  edgesenseEventSchemas,
  type EdgeSenseConfigUpdateEvent,
  type EdgeSenseDeviceAlertEvent,
  type EdgeSenseDeviceDataEvent,
  type EdgeSenseDeviceStatusEvent,
  type EdgeSenseEvent,
  type EdgeSenseEventName,
  type EdgeSenseEventMap,
} from './catalog.js';
