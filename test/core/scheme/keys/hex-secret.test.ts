import { describe, expect, it } from 'vitest';
import { hexSecret } from '../../../../src/core/scheme/keys/hex-secret.js';

describe('hexSecret', () => {
  it('decodes 32 or more hex characters of either case, trimmed', () => {
    expect(hexSecret.decode(` ${'Ab'.repeat(16)}\n`)).toEqual(new Uint8Array(16).fill(0xab));
    for (const short of ['ab'.repeat(15) + 'a', 'ab'.repeat(15), 'zz'.repeat(16), 'ab'.repeat(16) + 'a']) expect(hexSecret.decode(short)).toBeUndefined();
    expect(hexSecret).toMatchObject({ encoding: 'hex', public: false, expected: expect.stringMatching(/32 hex/) });
  });
});
