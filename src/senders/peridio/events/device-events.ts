import * as z from 'zod/mini';
import { looseObject } from '../../../events/loose-object.js';
import {
  bundleSchema,
  certificateSchema,
  deviceSchema,
  ipAddressSchema,
  peridioEnvelope,
  releaseSchema,
  requireOneOf,
} from './common-schemas.js';

/**
 * Reasons Peridio gives for `device.authentication-failed`: the guide's three and the OpenAPI
 * description's four. An open set: any other string is accepted too.
 *
 * @example
 * ```ts
 * import { PERIDIO_AUTHENTICATION_FAILURE_REASONS } from 'hookverify/peridio/events';
 *
 * const expected = (PERIDIO_AUTHENTICATION_FAILURE_REASONS as readonly string[]).includes(event.payload.data.data.reason);
 * ```
 */
export const PERIDIO_AUTHENTICATION_FAILURE_REASONS = [
  'invalid_certificate',
  'unknown_device',
  'revoked_certificate',
  'device_is_archived',
  'multi_cert_jitr_disabled',
  'jitp_disabled',
  'jitp_failed',
] as const;

/**
 * Why a device failed to authenticate: one of {@link PERIDIO_AUTHENTICATION_FAILURE_REASONS}, or
 * any other string Peridio adds (editors still complete the known ones).
 *
 * @example
 * ```ts
 * import type { PeridioAuthenticationFailureReason } from 'hookverify/peridio/events';
 *
 * const severity = (reason: PeridioAuthenticationFailureReason) => (reason === 'revoked_certificate' ? 'high' : 'low');
 * ```
 */
// `string & {}` keeps completion for the known reasons while accepting any string.
export type PeridioAuthenticationFailureReason = (typeof PERIDIO_AUTHENTICATION_FAILURE_REASONS)[number] | (string & {});

const reasonSchema = z.string().register(z.globalRegistry, {
  examples: [...PERIDIO_AUTHENTICATION_FAILURE_REASONS],
}) as unknown as z.ZodMiniType<PeridioAuthenticationFailureReason, string>;

const connectionDetails = {
  ip_address: z.nullish(ipAddressSchema),
  certificate: z.nullish(certificateSchema),
  ca_certificate: z.nullish(certificateSchema),
};

export const deviceConnectedSchema = peridioEnvelope(
  'device',
  'connected',
  looseObject({
    device: deviceSchema,
    ...connectionDetails,
    route: z.optional(z.unknown()),
    headers: z.optional(z.unknown()),
  }),
);

export const deviceDisconnectedSchema = peridioEnvelope('device', 'disconnected', looseObject({ device: deviceSchema }));

export const deviceAuthenticationFailedSchema = peridioEnvelope(
  'device',
  'authentication-failed',
  looseObject({
    // A device Peridio does not know (reason `unknown_device`) has no PRN to report.
    device: z.extend(deviceSchema, { prn: z.nullish(deviceSchema.shape.prn) }),
    reason: reasonSchema,
    ...connectionDetails,
  }),
);

export const deviceCheckedForReleaseSchema = peridioEnvelope(
  'device',
  'checked-for-release',
  // The guide shows `current_release`; the OpenAPI description `release` and `bundle`.
  requireOneOf(
    looseObject({
      device: deviceSchema,
      current_release: z.optional(releaseSchema),
      release: z.nullish(releaseSchema),
      bundle: z.nullish(bundleSchema),
    }),
    ['current_release', 'release'],
  ),
);

export const deviceClaimedReleaseSchema = peridioEnvelope(
  'device',
  'claimed-release',
  looseObject({ device: deviceSchema, release: releaseSchema, bundle: z.nullish(bundleSchema) }),
);

export const deviceReleaseChangedSchema = peridioEnvelope(
  'device',
  'release-changed',
  looseObject({
    device: deviceSchema,
    // null on a device's first release.
    from_release: z.nullish(releaseSchema),
    to_release: releaseSchema,
    from_bundle: z.nullish(bundleSchema),
    to_bundle: z.nullish(bundleSchema),
  }),
);

export const deviceUpdatedSchema = peridioEnvelope(
  'device',
  'updated',
  looseObject({
    device: z.extend(deviceSchema, {
      quarantined: z.nullish(z.boolean()),
      tags: z.nullish(z.array(z.string())),
      firmware: z.nullish(looseObject({})),
      release: z.nullish(looseObject({})),
      bundle: z.nullish(looseObject({})),
    }),
    // In the guide's example; not in the OpenAPI description.
    updated_fields: z.optional(z.array(z.string())),
  }),
);
