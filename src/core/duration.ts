import { ConfigurationError } from './errors.js';

/**
 * A length of time: a number of seconds, or a string such as `"300s"`, `"5m"`, `"1h"`, `"3d"`.
 *
 * @example
 * ```ts
 * import type { Duration } from 'hookverify';
 * import { createPeridioVerifier } from 'hookverify/peridio';
 *
 * const tolerance: Duration = '10m'; // or 600 (seconds), '600s', '1h'
 * const verifier = createPeridioVerifier({ secret, tolerance });
 * ```
 */
export type Duration = number | `${number}${'ms' | 's' | 'm' | 'h' | 'd'}`;

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const DURATION_PATTERN = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;

/** Converts a {@link Duration} to milliseconds; throws `invalid_option` for anything else. */
export function durationToMs(value: Duration, option: string): number {
  let ms: number;
  if (typeof value === 'number') ms = value * 1000;
  else {
    const match = typeof value === 'string' ? DURATION_PATTERN.exec(value.trim()) : null;
    ms = match ? Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS] : Number.NaN;
  }
  if (!Number.isFinite(ms) || ms < 0) {
    throw new ConfigurationError(
      'invalid_option',
      // The value is not echoed: a secret passed to the wrong option must not end up in a log.
      `${option} must be a number of seconds or a string like "5m"; got a ${typeof value} that is neither`,
    );
  }
  return ms;
}
