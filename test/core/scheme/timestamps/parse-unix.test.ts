import { describe, expect, it } from 'vitest';
import { parseUnix } from '../../../../src/core/scheme/timestamps/parse-unix.js';

describe('parseUnix', () => {
  it('accepts 1 to 15 digits, or a finite number, within what a Date holds', () => {
    expect(parseUnix('0', 1000)).toBe(0);
    expect(parseUnix('999999999999999', 1)).toBe(999_999_999_999_999);
    expect(parseUnix('9999999999999999', 1)).toBeUndefined();
    expect(parseUnix(-5, 1000)).toBe(-5000);
    expect(parseUnix(8.64e15, 1)).toBe(8.64e15);
    expect(parseUnix(8.64e15 + 1, 1)).toBeUndefined();
    expect(parseUnix(Number.NaN, 1)).toBeUndefined();
    expect(parseUnix('', 1)).toBeUndefined();
    expect(parseUnix({}, 1)).toBeUndefined();
  });
});
