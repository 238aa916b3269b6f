import { describe, expect, it } from 'vitest';
import { formatTimestamp, parseRfc3339, parseTimestamp, windowPosition } from '../../src/core/timestamps.js';

describe('parseRfc3339', () => {
  it.each([
    ['2000-01-01T00:00:00Z', Date.UTC(2000, 0, 1)],
    ['2000-01-01t00:00:00z', Date.UTC(2000, 0, 1)],
    ['2000-01-01 00:00:00Z', Date.UTC(2000, 0, 1)],
    ['2026-11-23T12:00:00.5Z', Date.UTC(2026, 10, 23, 12, 0, 0, 500)],
    ['2026-11-23T12:00:00.123456789Z', Date.UTC(2026, 10, 23, 12, 0, 0, 123) + 0.456789],
    ['2026-11-23T13:30:00+01:30', Date.UTC(2026, 10, 23, 12, 0, 0)],
    ['2026-11-23T10:00:00-02:00', Date.UTC(2026, 10, 23, 12, 0, 0)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    ['2000-02-29T00:00:00Z', Date.UTC(2000, 1, 29)],
    ['2016-12-31T23:59:60Z', Date.UTC(2016, 11, 31, 23, 59, 59, 999)],
    ['0099-12-31T23:59:59Z', Date.parse('0099-12-31T23:59:59Z')],
    ['0004-02-29T12:00:00Z', Date.parse('0004-02-29T12:00:00Z')],
    ['0000-01-01T00:00:00Z', Date.parse('0000-01-01T00:00:00Z')],
  ])('parses %s', (text, ms) => {
    expect(parseRfc3339(text)).toBeCloseTo(ms, 3);
  });

  it.each([
    '',
    '2026-11-23',
    '2026-11-23T12:00:00',
    '2026-11-23T12:00Z',
    '2026-11-23T12:00:00.Z',
    '2026-11-23T12:00:00.1234567890Z',
    '2026-13-01T00:00:00Z',
    '2026-00-01T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2026-11-00T00:00:00Z',
    '2026-11-23T24:00:00Z',
    '2026-11-23T12:60:00Z',
    '2026-11-23T12:00:61Z',
    '2026-11-23T12:00:00+24:00',
    '2026-11-23T12:00:00+01:60',
    '2026-11-23T12:00:00+0100',
    ' 2026-11-23T12:00:00Z',
    '2026-11-23T12:00:00Z ',
    '+002026-11-23T12:00:00Z',
    '1700000000',
    `2026-11-23T12:00:00.${'1'.repeat(10_000)}Z`,
  ])('refuses %j', (text) => {
    expect(parseRfc3339(text)).toBeUndefined();
  });
});

describe('parseTimestamp', () => {
  it('reads Unix seconds and milliseconds as digits only', () => {
    expect(parseTimestamp('1614265330', 'unix-seconds')).toBe(1614265330_000);
    expect(parseTimestamp('1614265330123', 'unix-millis')).toBe(1614265330123);
    for (const text of ['', '-1', '1.5', '1e9', ' 1', '0x10', '１２', '9'.repeat(16)]) {
      expect(parseTimestamp(text, 'unix-seconds'), text).toBeUndefined();
    }
    expect(parseTimestamp('2000-01-01T00:00:00Z', 'rfc3339')).toBe(Date.UTC(2000, 0, 1));
    // Times a Date cannot hold are refused, not turned into an Invalid Date.
    expect(parseTimestamp('8640000000000', 'unix-seconds')).toBe(8.64e15);
    expect(parseTimestamp('8640000000001', 'unix-seconds')).toBeUndefined();
    expect(parseTimestamp('999999999999999', 'unix-seconds')).toBeUndefined();
    expect(parseTimestamp('999999999999999', 'unix-millis')).toBe(999999999999999);
  });
});

describe('formatTimestamp', () => {
  it('writes each format so that parseTimestamp reads it back', () => {
    const ms = Date.UTC(2026, 10, 23, 12, 0, 0, 250);
    expect(formatTimestamp(ms, 'unix-seconds')).toBe(String(Math.floor(ms / 1000)));
    expect(formatTimestamp(ms, 'unix-millis')).toBe(String(ms));
    expect(formatTimestamp(ms, 'rfc3339')).toBe('2026-11-23T12:00:00.250Z');
    expect(formatTimestamp(Date.UTC(2000, 0, 1), 'rfc3339')).toBe('2000-01-01T00:00:00Z');
    for (const format of ['rfc3339', 'unix-millis'] as const) expect(parseTimestamp(formatTimestamp(ms, format), format)).toBe(ms);
  });
});

describe('windowPosition', () => {
  it('includes both edges', () => {
    expect(windowPosition(1000, 1300, 300)).toBe('inside');
    expect(windowPosition(1000, 1301, 300)).toBe('too_old');
    expect(windowPosition(1000, 700, 300)).toBe('inside');
    expect(windowPosition(1000, 699, 300)).toBe('in_future');
    expect(windowPosition(1000, 1000, 0)).toBe('inside');
    expect(windowPosition(1000, 1001, 0)).toBe('too_old');
  });
});
