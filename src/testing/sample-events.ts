// Plain data only: `hookverify/testing` must not load zod. The types come from the catalogs
// (erased at build time); a test validates every sample against its schema.
import { ConfigurationError } from '../core/errors.js';
import type { EdgeSenseEventMap, EdgeSenseEventName } from '../senders/edgesense/events/catalog.js';
import type { PeridioEventMap, PeridioEventName } from '../senders/peridio/events/catalog.js';

/**
 * Overrides for a sample: objects merge member by member at every depth; arrays, `null` and
 * other values replace; `undefined` removes the member (to build an invalid payload).
 *
 * @example
 * ```ts
 * samplePeridioEvent('device.updated', {
 *   data: { data: { device: { tags: ['eu'] }, updated_fields: undefined } }, // tags replaced, updated_fields removed
 * });
 * ```
 */
export type SampleOverrides<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: SampleOverrides<T[K]> | undefined }
    : T;

const ORG = '4e33149b-637d-4679-b64f-4905e7a0cf8c';
const prn = (type: string, id: string) => `prn:1:${ORG}:${type}:${id}`;
const DEVICE = { identifier: 'SN1337', prn: prn('device', '2f0c6b1e-3d4a-4b5c-8d6e-7f8091a2b3c4') };
const RELEASE_1 = { prn: prn('release', '499b64fb-1420-4f58-8c73-e5497e1f531e'), version: '1.0.0' };
const RELEASE_2 = { prn: prn('release', 'f456986f-1a2f-4d73-8f70-96ff05a6bce7'), version: '2.0.0' };
const WEBHOOK_PRN = prn('webhook', '8a1d2c3b-4e5f-4a6b-9c7d-0e1f2a3b4c5d');

// [category, data.type as Peridio's reference spells it on the wire, data.data]
const PERIDIO_SAMPLES: { readonly [Name in PeridioEventName]: readonly [string, string, () => object] } = {
  'device.connected': ['device', 'connected', () => ({ device: { ...DEVICE }, ip_address: '192.0.2.10' })],
  'device.disconnected': ['device', 'disconnected', () => ({ device: { ...DEVICE } })],
  'device.authentication-failed': [
    'device',
    'authentication_failed',
    () => ({ device: { ...DEVICE }, reason: 'invalid_certificate' }),
  ],
  'device.checked-for-release': ['device', 'checked_for_release', () => ({ device: { ...DEVICE }, current_release: { ...RELEASE_1 } })],
  'device.claimed-release': ['device', 'claimed_release', () => ({ device: { ...DEVICE }, release: { ...RELEASE_2 } })],
  'device.release-changed': [
    'device',
    'release_changed',
    () => ({ device: { ...DEVICE }, from_release: { ...RELEASE_1 }, to_release: { ...RELEASE_2 } }),
  ],
  'device.updated': ['device', 'updated', () => ({ device: { ...DEVICE }, updated_fields: ['description', 'tags'] })],
  'api_key.created': [
    'api_key',
    'created',
    () => ({ api_key: { prn: prn('api_key', '6b7c8d9e-0f1a-4b2c-8d3e-4f5a6b7c8d9e'), name: 'Production Integration Key' } }),
  ],
  'webhook.test-fire': ['webhook', 'test_fire', () => ({ webhook_prn: WEBHOOK_PRN })],
  'webhook.request-failed': [
    'webhook',
    'request_failed',
    () => ({ type: 'response_status', data: { webhook: { prn: WEBHOOK_PRN }, status: 503 } }),
  ],
};

const EDGESENSE_SAMPLES: { readonly [Name in EdgeSenseEventName]: () => object } = {
  'device.data': () => ({ temperature: 75.3, humidity: 42.5, pressure: 101.2 }),
  // EdgeSense documents no payload for these three; the samples are plausible, not authoritative.
  'device.alert': () => ({ metric: 'temperature', value: 91.4, threshold: 90 }),
  'device.status': () => ({ status: 'online' }),
  'config.update': () => ({ config: { sampleIntervalSeconds: 60 } }),
};

/**
 * The Peridio event names {@link samplePeridioEvent} builds, i.e. every canonical name.
 *
 * @example
 * ```ts
 * import { samplePeridioEventNames, samplePeridioEvent } from 'hookverify/testing';
 *
 * const all = samplePeridioEventNames.map((name) => samplePeridioEvent(name));
 * ```
 */
export const samplePeridioEventNames = Object.freeze(Object.keys(PERIDIO_SAMPLES) as PeridioEventName[]);

/**
 * The EdgeSense event names {@link sampleEdgeSenseEvent} builds.
 *
 * @example
 * ```ts
 * import { sampleEdgeSenseEventNames } from 'hookverify/testing';
 *
 * console.log(sampleEdgeSenseEventNames); // ['device.data', 'device.alert', 'device.status', 'config.update']
 * ```
 */
export const sampleEdgeSenseEventNames = Object.freeze(Object.keys(EDGESENSE_SAMPLES) as EdgeSenseEventName[]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function merge(base: Record<string, unknown>, overrides: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete out[key];
    else if (isPlainObject(value) && isPlainObject(out[key])) out[key] = merge(out[key] as Record<string, unknown>, value);
    else out[key] = value;
  }
  return out;
}

function unknownName(sender: string, name: unknown, names: readonly string[]): ConfigurationError {
  return new ConfigurationError('invalid_option', `${sender} has no event ${JSON.stringify(name)}; one of ${names.join(', ')}`);
}

/**
 * A valid Peridio event of any type, as Peridio sends it (underscore subtypes, as in Peridio's
 * reference), with a fresh event `prn` (the dedupe key) and `inserted_at` set to now. Plain data:
 * no zod is loaded. Pair it with `signDelivery(peridio, { body })` to test an endpoint.
 *
 * @example
 * ```ts
 * import { peridio } from 'hookverify/peridio';
 * import { samplePeridioEvent, signDelivery } from 'hookverify/testing';
 *
 * const event = samplePeridioEvent('device.release-changed', { data: { data: { from_release: null } } });
 * const { body, headers } = await signDelivery(peridio, { secret, body: event });
 * ```
 */
export function samplePeridioEvent<Name extends PeridioEventName>(
  name: Name,
  overrides?: SampleOverrides<PeridioEventMap[Name]>,
): PeridioEventMap[Name] {
  if (!Object.prototype.hasOwnProperty.call(PERIDIO_SAMPLES, name)) throw unknownName('peridio', name, samplePeridioEventNames);
  const [category, subtype, data] = PERIDIO_SAMPLES[name];
  const event = {
    version: 1,
    prn: prn('event', crypto.randomUUID()),
    type: category,
    inserted_at: new Date().toISOString(),
    data: { type: subtype, data: data() },
  };
  return merge(event, (overrides ?? {}) as Record<string, unknown>) as PeridioEventMap[Name];
}

/**
 * A valid EdgeSense event of any type with `timestamp` set to now (the replay window reads it).
 * Plain data: no zod is loaded.
 *
 * @example
 * ```ts
 * import { edgesense } from 'hookverify/edgesense';
 * import { sampleEdgeSenseEvent, signDelivery } from 'hookverify/testing';
 *
 * const event = sampleEdgeSenseEvent('device.data', { payload: { temperature: 99.5 } });
 * const { body, headers } = await signDelivery(edgesense, { secret: 'shared', body: event });
 * ```
 */
export function sampleEdgeSenseEvent<Name extends EdgeSenseEventName>(
  name: Name,
  overrides?: SampleOverrides<EdgeSenseEventMap[Name]>,
): EdgeSenseEventMap[Name] {
  if (!Object.prototype.hasOwnProperty.call(EDGESENSE_SAMPLES, name)) throw unknownName('edgesense', name, sampleEdgeSenseEventNames);
  const event = { event: name, timestamp: new Date().toISOString(), deviceId: 'edge-node-321', payload: EDGESENSE_SAMPLES[name]() };
  return merge(event, (overrides ?? {}) as Record<string, unknown>) as EdgeSenseEventMap[Name];
}
