import * as z from 'zod/mini';
import { looseObject } from '../../../events/loose-object.js';
import { peridioEnvelope } from './common-schemas.js';
import { prnSchema } from './prn-schema.js';

/**
 * The failures Peridio describes for `webhook.request-failed`; an open set like every vendor enum.
 *
 * @example
 * ```ts
 * import { PERIDIO_REQUEST_FAILURE_TYPES } from 'hookverify/peridio/events';
 *
 * console.log(PERIDIO_REQUEST_FAILURE_TYPES); // ['host_resolution_failed', 'response_timeout', 'response_status']
 * ```
 */
export const PERIDIO_REQUEST_FAILURE_TYPES = ['host_resolution_failed', 'response_timeout', 'response_status'] as const;

/**
 * Why a delivery to a webhook failed: one of {@link PERIDIO_REQUEST_FAILURE_TYPES}, or any other
 * string Peridio adds.
 *
 * @example
 * ```ts
 * import type { PeridioRequestFailureType } from 'hookverify/peridio/events';
 *
 * const retryable = (type: PeridioRequestFailureType) => type !== 'host_resolution_failed';
 * ```
 */
export type PeridioRequestFailureType = (typeof PERIDIO_REQUEST_FAILURE_TYPES)[number] | (string & {});

// The guide sends `{}` during URL verification; the reference shows `{ webhook_prn }`.
export const webhookTestFireSchema = peridioEnvelope(
  'webhook',
  'test-fire',
  looseObject({ webhook_prn: z.optional(prnSchema) }),
);

export const webhookRequestFailedSchema = peridioEnvelope(
  'webhook',
  'request-failed',
  looseObject({
    type: z.string().register(z.globalRegistry, {
      examples: [...PERIDIO_REQUEST_FAILURE_TYPES],
    }) as unknown as z.ZodMiniType<PeridioRequestFailureType, string>,
    data: looseObject({
      webhook: looseObject({ prn: prnSchema }),
      // The HTTP status the endpoint answered, for `response_status`.
      status: z.optional(z.number().check(z.int(), z.gte(100), z.lte(599))),
    }),
  }),
);
