import { describe, expect, it } from 'vitest';
import { hex } from '../../../../src/core/scheme/encodings/hex.js';

describe('hex', () => {
  it('decodes either case into a buffer of the exact length, or says no', () => {
    const target = new Uint8Array(2);
    expect(hex.decodeInto('aBcD', target)).toBe(true);
    expect([...target]).toEqual([0xab, 0xcd]);
    expect(hex.decodeInto('abc', target)).toBe(false);
    expect(hex.decodeInto('abcdef', target)).toBe(false);
    expect(hex.decode('00ff')).toEqual(Uint8Array.of(0, 255));
    expect(hex.decode('zz')).toBeUndefined();
    expect(hex.name).toBe('hex');
  });
});
