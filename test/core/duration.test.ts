import { describe, expect, it } from 'vitest';
import { durationToMs, type Duration } from '../../src/core/duration.js';
import { ConfigurationError } from '../../src/core/errors.js';

describe('durationToMs', () => {
  it.each<[Duration, number]>([
    [300, 300_000],
    [0, 0],
    [1.5, 1500],
    ['250ms', 250],
    ['300s', 300_000],
    ['5m', 300_000],
    ['1.5h', 5_400_000],
    ['3d', 259_200_000],
  ])('%j is %d ms', (value, ms) => {
    expect(durationToMs(value, 'tolerance')).toBe(ms);
  });

  it.each<unknown>([-1, Number.NaN, Number.POSITIVE_INFINITY, '5', '5 minutes', '-5m', '5M', '', null, {}])('refuses %j', (value) => {
    expect(() => durationToMs(value as Duration, 'tolerance')).toThrow(ConfigurationError);
    expect(() => durationToMs(value as Duration, 'tolerance')).toThrow(/tolerance/);
  });
});
