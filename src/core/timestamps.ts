/** How a sender writes the time a delivery was signed. */
export type TimestampFormat = 'rfc3339' | 'unix-seconds' | 'unix-millis';

// Anchored, no nested quantifiers: linear time on any input.
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;
const DIGITS = /^\d{1,15}$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Milliseconds since the epoch of an RFC 3339 date-time, or undefined when it is not one. */
export function parseRfc3339(text: string): number | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6]);
  if (month < 1 || month > 12 || day < 1) return undefined;
  if (day > DAYS_IN_MONTH[month - 1]! || (month === 2 && day === 29 && !isLeapYear(year))) return undefined;
  // RFC 3339 allows second 60 for a leap second; it names the same instant as :59.999...
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const fraction = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  let offsetMinutes = 0;
  if (!m[8]) {
    const offsetHours = Number(m[10]);
    const offsetMins = Number(m[11]);
    if (offsetHours > 23 || offsetMins > 59) return undefined;
    offsetMinutes = (offsetHours * 60 + offsetMins) * (m[9] === '-' ? -1 : 1);
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59));
  const leap = second === 60 ? 999 : 0;
  return utc + Math.max(fraction, leap) - offsetMinutes * 60_000;
}

/** Milliseconds since the epoch of a timestamp in the given format, or undefined. */
export function parseTimestamp(text: string, format: TimestampFormat): number | undefined {
  if (format === 'rfc3339') return parseRfc3339(text);
  if (!DIGITS.test(text)) return undefined;
  const value = Number(text);
  return format === 'unix-seconds' ? value * 1000 : value;
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
