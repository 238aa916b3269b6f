// The size floor of docs/senders.md (bench/size-floor) is a fair lower bound only while it
// answers every delivery as createPeridioVerifier does; this keeps it so as either changes.
import { expect, it } from 'vitest';
import { compareWithFloor } from '../../bench/size-floor/agreement.js';

it('the floor verifier answers generated deliveries exactly as createPeridioVerifier does', async () => {
  const result = await compareWithFloor(400, 7);
  expect(result.differences).toEqual([]);
  expect(result.compared).toBe(1600);
  // Enough of them verify for the comparison to cover the accepting path too.
  expect(result.accepted).toBeGreaterThan(20);
});
