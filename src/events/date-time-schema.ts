import { z } from 'zod';
import { parseRfc3339 } from '../core/timestamps.js';

/**
 * An RFC 3339 date-time string, read exactly as the verifiers read timestamps (offsets, fractions,
 * lower-case `t`/`z`, leap seconds; impossible dates refused). The value stays a string; JSON
 * Schema output says `format: date-time`.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { dateTimeSchema } from 'hookverify/events';
 *
 * const envelope = z.looseObject({ id: z.string(), created_at: dateTimeSchema });
 * ```
 */
export const dateTimeSchema = z
  .string()
  .refine((text) => parseRfc3339(text) !== undefined, { error: 'expected an RFC 3339 date-time' })
  .meta({ format: 'date-time' });
