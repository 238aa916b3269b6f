import type { TimestampPart, ValueSource } from '../types.js';
import { parseUnix } from './parse-unix.js';
import { timestampPart } from './timestamp-part.js';

/**
 * A signing time written as whole milliseconds since 1970 (`1795435200000`). In a JSON body a
 * number is accepted too (Linear's `webhookTimestamp`).
 *
 * @example
 * ```ts
 * import { unixMillis, bodyField } from 'hookverify';
 *
 * const linearTime = unixMillis(bodyField('webhookTimestamp'));
 * ```
 */
export function unixMillis(source: ValueSource): TimestampPart {
  return timestampPart(source, 'unix-millis', (value) => parseUnix(value, 1));
}
