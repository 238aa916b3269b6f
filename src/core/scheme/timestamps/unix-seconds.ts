import type { TimestampPart, ValueSource } from '../types.js';
import { parseUnix } from './parse-unix.js';
import { timestampPart } from './timestamp-part.js';

/**
 * A signing time written as whole seconds since 1970 (`1795435200`): Standard Webhooks, Stripe,
 * Slack. In a JSON body a number is accepted too.
 *
 * @example
 * ```ts
 * import { unixSeconds, header } from 'hookverify';
 *
 * const standardWebhooksTime = unixSeconds(header('webhook-timestamp'));
 * ```
 */
export function unixSeconds(source: ValueSource): TimestampPart {
  return timestampPart(source, 'unix-seconds', (value) => parseUnix(value, 1000));
}
