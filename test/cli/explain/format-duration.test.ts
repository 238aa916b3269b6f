import { expect, it } from 'vitest';
import { formatDuration } from '../../../src/cli/explain/format-duration.js';

it.each([
  [0, '0ms'],
  [999, '999ms'],
  [1000, '1s'],
  [-59_400, '59s'],
  [60_000, '1m'],
  [750_000, '12m 30s'],
  [3_600_000, '1h'],
  [3_720_000, '1h 2m'],
  [86_400_000, '1d'],
  [90_000_000, '1d 1h'],
])('%d ms reads %s', (ms, text) => {
  expect(formatDuration(ms)).toBe(text);
});
