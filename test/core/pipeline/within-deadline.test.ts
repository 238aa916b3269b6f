import { afterEach, describe, expect, it, vi } from 'vitest';
import { withinDeadline } from '../../../src/core/pipeline/within-deadline.js';

const LATE = Symbol('late');

describe('withinDeadline', () => {
  afterEach(() => void vi.useRealTimers());

  it('settles as the work does before the deadline, and leaves no timer behind', async () => {
    vi.useFakeTimers();
    await expect(withinDeadline(Promise.resolve(7), 1000, LATE)).resolves.toBe(7);
    await expect(withinDeadline(Promise.reject(new Error('read failed')), 1000, LATE)).rejects.toThrow('read failed');
    await expect(withinDeadline('not a promise', 1000, LATE)).resolves.toBe('not a promise');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('resolves, or with rejectLate rejects, with the late value at the deadline, not before', async () => {
    vi.useFakeTimers();
    let settled = false;
    const resolving = withinDeadline(new Promise(() => {}), 1000, LATE);
    void resolving.then(() => (settled = true));
    const rejecting = withinDeadline(new Promise(() => {}), 1000, LATE, true);
    rejecting.catch(() => {});
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(resolving).resolves.toBe(LATE);
    await expect(rejecting).rejects.toBe(LATE);
  });
});
