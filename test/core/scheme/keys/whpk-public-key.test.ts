import { describe, expect, it } from 'vitest';
import { whpkPublicKey } from '../../../../src/core/scheme/keys/whpk-public-key.js';

describe('whpkPublicKey', () => {
  it('decodes the 32 bytes of an Ed25519 public key after an optional whpk_ prefix', () => {
    const raw = new Uint8Array(32).fill(7);
    const text = Buffer.from(raw).toString('base64');
    expect(whpkPublicKey.decode(`whpk_${text}`)).toEqual(raw);
    expect(whpkPublicKey.decode(text)).toEqual(raw);
    expect(whpkPublicKey.decode(`whpk_${Buffer.alloc(31).toString('base64')}`)).toBeUndefined();
    expect(whpkPublicKey).toMatchObject({ encoding: 'whpk', public: true });
  });
});
