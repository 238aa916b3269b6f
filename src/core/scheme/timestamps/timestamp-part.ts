import { ConfigurationError } from '../../errors.js';
import type { TimestampPart, ValueSource } from '../types.js';

/** A frozen timestamp part, once its source is known to be a source. */
export function timestampPart(source: ValueSource, format: TimestampPart['format'], parse: TimestampPart['parse']): TimestampPart {
  if (typeof (source as { key?: unknown } | null)?.key !== 'string') {
    throw new ConfigurationError('invalid_option', `${format}() needs the source of the time: header(...), a parameter or bodyField(...)`);
  }
  return Object.freeze({ source, format, parse });
}

const DIGITS = /^\d{1,15}$/;
// Beyond what a Date can hold: no real signing time, and `new Date(ms)` would be invalid.
const MAX_DATE_MS = 8.64e15;

/**
 * Milliseconds of a Unix time in `unit` ms: whole digits as text, or (from a JSON body) a finite
 * number; undefined otherwise.
 */
export function parseUnix(value: unknown, unit: number): number | undefined {
  const ms = typeof value === 'string' ? (DIGITS.test(value) ? Number(value) * unit : undefined) : typeof value === 'number' ? value * unit : undefined;
  return ms !== undefined && Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS ? ms : undefined;
}
