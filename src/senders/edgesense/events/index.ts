/**
 * `hookverify/edgesense/events`: zod schemas, types and the typed catalog of EdgeSense events.
 * Loads zod; `hookverify/edgesense` (verification only) does not.
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
