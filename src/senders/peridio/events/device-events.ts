import { z } from 'zod';
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

const reasonSchema = z
  .string()
  .meta({ examples: [...PERIDIO_AUTHENTICATION_FAILURE_REASONS] }) as unknown as z.ZodType<PeridioAuthenticationFailureReason, string>;

const connectionDetails = {
  ip_address: ipAddressSchema.nullable().optional(),
  certificate: certificateSchema.nullable().optional(),
  ca_certificate: certificateSchema.nullable().optional(),
};

export const deviceConnectedSchema = peridioEnvelope(
  'device',
  'connected',
  z.looseObject({
    device: deviceSchema,
    ...connectionDetails,
    route: z.unknown().optional(),
    headers: z.unknown().optional(),
  }),
);

export const deviceDisconnectedSchema = peridioEnvelope('device', 'disconnected', z.looseObject({ device: deviceSchema }));

export const deviceAuthenticationFailedSchema = peridioEnvelope(
  'device',
  'authentication-failed',
  z.looseObject({
    // A device Peridio does not know (reason `unknown_device`) has no PRN to report.
    device: deviceSchema.extend({ prn: deviceSchema.shape.prn.nullable().optional() }),
    reason: reasonSchema,
    ...connectionDetails,
  }),
);

export const deviceCheckedForReleaseSchema = peridioEnvelope(
  'device',
  'checked-for-release',
  // The guide shows `current_release`; the OpenAPI description `release` and `bundle`.
  requireOneOf(
    z.looseObject({
      device: deviceSchema,
      current_release: releaseSchema.optional(),
      release: releaseSchema.nullable().optional(),
      bundle: bundleSchema.nullable().optional(),
    }),
    ['current_release', 'release'],
  ),
);

export const deviceClaimedReleaseSchema = peridioEnvelope(
  'device',
  'claimed-release',
  z.looseObject({ device: deviceSchema, release: releaseSchema, bundle: bundleSchema.nullable().optional() }),
);

export const deviceReleaseChangedSchema = peridioEnvelope(
  'device',
  'release-changed',
  z.looseObject({
    device: deviceSchema,
    // null on a device's first release.
    from_release: releaseSchema.nullable().optional(),
    to_release: releaseSchema,
    from_bundle: bundleSchema.nullable().optional(),
    to_bundle: bundleSchema.nullable().optional(),
  }),
);

export const deviceUpdatedSchema = peridioEnvelope(
  'device',
  'updated',
  z.looseObject({
    device: deviceSchema.extend({
      quarantined: z.boolean().nullable().optional(),
      tags: z.array(z.string()).nullable().optional(),
      firmware: z.looseObject({}).nullable().optional(),
      release: z.looseObject({}).nullable().optional(),
      bundle: z.looseObject({}).nullable().optional(),
    }),
    // In the guide's example; not in the OpenAPI description.
    updated_fields: z.array(z.string()).optional(),
  }),
);
