import { durationToMs, type Duration } from '../core/duration.js';
import { ConfigurationError } from '../core/errors.js';
import { parseRfc3339 } from '../core/timestamps.js';
import { usageError } from './cli-error.js';

/** An instant from an option: an RFC 3339 date-time, or Unix seconds (10 digits) or milliseconds (13). */
export function parseInstant(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const rfc = parseRfc3339(value);
  if (rfc !== undefined) return rfc;
  if (/^\d{1,11}$/.test(value)) return Number(value) * 1000;
  if (/^\d{12,15}$/.test(value)) return Number(value);
  throw usageError(`${option} must be an RFC 3339 date-time (2026-11-23T12:00:00Z) or a Unix time, got ${JSON.stringify(value)}`);
}

/** A duration from an option, in the library's own syntax ("5m", "300s", or a number of seconds). */
export function parseDurationOption(value: string | undefined, option: string, fallback: Duration): number {
  const raw: Duration = value === undefined ? fallback : /^\d+(\.\d+)?$/.test(value) ? Number(value) : (value as Duration);
  try {
    return durationToMs(raw, option);
  } catch (error) {
    if (error instanceof ConfigurationError) throw usageError(error.message);
    throw error;
  }
}
