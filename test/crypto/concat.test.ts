import { describe, expect, it } from 'vitest';
import { concat } from '../../src/crypto/concat.js';

describe('concat', () => {
  it('joins strings as UTF-8 and bytes as they are, a single byte part unchanged', () => {
    expect(concat(['é', Uint8Array.of(1), ''])).toEqual(Uint8Array.of(0xc3, 0xa9, 1));
    const only = Uint8Array.of(9);
    expect(concat([only])).toBe(only);
    expect(concat(['a'])).toEqual(Uint8Array.of(0x61));
    expect(concat([])).toEqual(new Uint8Array(0));
  });
});
