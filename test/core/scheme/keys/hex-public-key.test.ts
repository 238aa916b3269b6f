import { describe, expect, it } from 'vitest';
import { hexPublicKey } from '../../../../src/core/scheme/keys/hex-public-key.js';

describe('hexPublicKey', () => {
  it('decodes 64 hex characters, nothing else', () => {
    expect(hexPublicKey.decode('0a'.repeat(32))).toEqual(new Uint8Array(32).fill(10));
    expect(hexPublicKey.decode('0a'.repeat(31))).toBeUndefined();
    expect(hexPublicKey.decode('zz'.repeat(32))).toBeUndefined();
    expect(hexPublicKey).toMatchObject({ encoding: 'hex', public: true });
  });
});
