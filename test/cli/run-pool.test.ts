import { expect, it } from 'vitest';
import { runPool } from '../../src/cli/run-pool.js';

it('runs every item once, starting them in order, with at most `concurrency` in flight', async () => {
  const started: number[] = [];
  let inFlight = 0;
  let max = 0;
  await runPool([...Array(25).keys()], 4, async (item, index) => {
    expect(index).toBe(item);
    started.push(item);
    max = Math.max(max, ++inFlight);
    await new Promise((resolve) => setTimeout(resolve, (item * 7) % 5));
    inFlight--;
  });
  expect(started).toEqual([...Array(25).keys()]);
  expect(max).toBe(4);
});

it('handles fewer items than lanes, and none', async () => {
  const seen: string[] = [];
  await runPool(['a'], 8, async (item) => void seen.push(item));
  await runPool([], 8, async () => void seen.push('never'));
  expect(seen).toEqual(['a']);
});
