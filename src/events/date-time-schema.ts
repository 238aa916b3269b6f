import * as z from 'zod/mini';
import { parseRfc3339 } from '../core/timestamps.js';

/**
 * An RFC 3339 date-time string, read exactly as the verifiers read timestamps (offsets, fractions,
 * lower-case `t`/`z`, leap seconds; impossible dates refused). The value stays a string; JSON
 * Schema output says `format: date-time`.
 *
 * A `zod/mini` schema: it nests in schemas of either zod API, and zod's functions wrap it
 * (`z.optional(dateTimeSchema)`; it has no `.optional()` method).
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { dateTimeSchema } from 'hookverify/events';
 *
 * const envelope = z.looseObject({ id: z.string(), created_at: dateTimeSchema, updated_at: z.optional(dateTimeSchema) });
 * ```
 */
export const dateTimeSchema = z
  .string()
  .check(z.refine((text) => parseRfc3339(text) !== undefined, { error: 'expected an RFC 3339 date-time' }))
  .register(z.globalRegistry, { format: 'date-time' });
