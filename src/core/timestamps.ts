/**
 * How a sender writes the time a delivery was signed.
 *
 * @example
 * ```ts
 * import { defineSender, type TimestampFormat } from 'hookverify';
 *
 * const format: TimestampFormat = 'unix-seconds';
 * const vendor = defineSender({
 *   name: 'vendor',
 *   signature: { header: 'x-signature', encoding: 'hex' },
 *   signedContent: '{x-timestamp}.{body}',
 *   secretEncoding: 'utf8',
 *   timestamp: { header: 'x-timestamp', format },
 * });
 * ```
 */
export type TimestampFormat = 'rfc3339' | 'unix-seconds' | 'unix-millis';

const DIGITS = /^\d{1,15}$/;
const MAX_DATE_MS = 8.64e15;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The decimal value of `count` ASCII digits at `at`, or -1. The caller checks the length. */
function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

const DASH = 45;
const COLON = 58;
const DOT = 46;
// "YYYY-MM-DDTHH:MM:SSZ" is the shortest; 9 fraction digits and an offset are the longest.
const MIN_LENGTH = 20;
const MAX_LENGTH = 35;

/**
 * Milliseconds since the epoch of an RFC 3339 date-time, or undefined when it is not one.
 * Grammar: `YYYY-MM-DD` `T`|`t`|space `HH:MM:SS`, an optional `.` and 1 to 9 digits, then `Z`,
 * `z` or `+HH:MM`/`-HH:MM`. Read by position rather than by a regular expression: it runs on
 * every delivery, and a single pass over at most 35 characters is linear on any input.
 */
export function parseRfc3339(text: string): number | undefined {
  const length = text.length;
  if (length < MIN_LENGTH || length > MAX_LENGTH) return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  if ((year | month | day | hour | minute | second) < 0) return undefined;
  const separator = text.charCodeAt(10);
  if (
    text.charCodeAt(4) !== DASH ||
    text.charCodeAt(7) !== DASH ||
    (separator !== 84 && separator !== 116 && separator !== 32) ||
    text.charCodeAt(13) !== COLON ||
    text.charCodeAt(16) !== COLON
  ) {
    return undefined;
  }
  let at = 19;
  let fraction = 0;
  if (text.charCodeAt(at) === DOT) {
    const first = ++at;
    let value = 0;
    let scale = 1;
    while (at < length) {
      const digit = text.charCodeAt(at) - 48;
      if (digit < 0 || digit > 9) break;
      value = value * 10 + digit;
      scale *= 10;
      at++;
    }
    if (at === first || at - first > 9) return undefined;
    // value / scale is the double nearest the decimal fraction, as Number("0.<digits>") is.
    fraction = (value / scale) * 1000;
  }
  let offsetMinutes = 0;
  const zone = text.charCodeAt(at);
  if (zone === 90 || zone === 122) {
    if (at + 1 !== length) return undefined;
  } else if (zone === 43 || zone === DASH) {
    if (at + 6 !== length || text.charCodeAt(at + 3) !== COLON) return undefined;
    const offsetHours = digitsAt(text, at + 1, 2);
    const offsetMins = digitsAt(text, at + 4, 2);
    if (offsetHours < 0 || offsetMins < 0 || offsetHours > 23 || offsetMins > 59) return undefined;
    offsetMinutes = (offsetHours * 60 + offsetMins) * (zone === DASH ? -1 : 1);
  } else {
    return undefined;
  }
  if (month < 1 || month > 12 || day < 1) return undefined;
  if (day > DAYS_IN_MONTH[month - 1]! || (month === 2 && day === 29 && !isLeapYear(year))) return undefined;
  // RFC 3339 allows second 60 for a leap second; it names the same instant as :59.999...
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  let utc = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59));
  // Date.UTC reads years 0-99 as 1900-1999; an RFC 3339 year is always the year itself.
  if (year < 100) utc = new Date(utc).setUTCFullYear(year);
  const leap = second === 60 ? 999 : 0;
  return utc + Math.max(fraction, leap) - offsetMinutes * 60_000;
}

/** Milliseconds since the epoch of a timestamp in the given format, or undefined. */
export function parseTimestamp(text: string, format: TimestampFormat): number | undefined {
  if (format === 'rfc3339') return parseRfc3339(text);
  if (!DIGITS.test(text)) return undefined;
  const ms = format === 'unix-seconds' ? Number(text) * 1000 : Number(text);
  // Beyond what a Date can hold: no real signing time, and `new Date(ms)` would be invalid.
  return ms <= MAX_DATE_MS ? ms : undefined;
}

/** Writes a time in the given format, as a sender would. */
export function formatTimestamp(ms: number, format: TimestampFormat): string {
  if (format === 'unix-seconds') return String(Math.floor(ms / 1000));
  if (format === 'unix-millis') return String(Math.floor(ms));
  const iso = new Date(ms).toISOString();
  // Peridio's examples carry whole seconds ("2000-01-01T00:00:00Z"); keep that look when exact.
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

/** Where a timestamp falls relative to the replay window around `nowMs`. */
export type WindowPosition = 'inside' | 'too_old' | 'in_future';

/** Both edges are inclusive: exactly `toleranceMs` away is still accepted. */
export function windowPosition(timestampMs: number, nowMs: number, toleranceMs: number): WindowPosition {
  if (timestampMs < nowMs - toleranceMs) return 'too_old';
  if (timestampMs > nowMs + toleranceMs) return 'in_future';
  return 'inside';
}
