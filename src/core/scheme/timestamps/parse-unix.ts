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
