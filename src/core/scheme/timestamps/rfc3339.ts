import { parseRfc3339 } from '../../timestamps.js';
import type { TimestampPart, ValueSource } from '../types.js';
import { timestampPart } from './timestamp-part.js';

/**
 * A signing time written as an RFC 3339 date-time (`2026-11-23T12:00:00Z`), as Peridio and
 * EdgeSense write it.
 *
 * @example
 * ```ts
 * import { rfc3339, header } from 'hookverify';
 *
 * const peridioTime = rfc3339(header('peridio-published-at'));
 * ```
 */
export function rfc3339(source: ValueSource): TimestampPart {
  return timestampPart(source, 'rfc3339', parse);
}

const parse: TimestampPart['parse'] = (value) => (typeof value === 'string' ? parseRfc3339(value) : undefined);

/**
 * {@link rfc3339} without its source check, for built-in senders only (not exported from any
 * entry): their sources are fixed, as test/core/scheme/trusted-parts.test.ts checks.
 */
export function trustedRfc3339(source: ValueSource): TimestampPart {
  return Object.freeze({ source, format: 'rfc3339', parse });
}
