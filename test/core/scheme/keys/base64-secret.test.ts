import { describe, expect, it } from 'vitest';
import { base64Secret } from '../../../../src/core/scheme/keys/base64-secret.js';

describe('base64Secret', () => {
  it('decodes base64, trimmed, with or without padding', () => {
    expect(base64Secret.decode(' AAEC\n')).toEqual(Uint8Array.of(0, 1, 2));
    expect(base64Secret.decode('AAE')).toEqual(Uint8Array.of(0, 1));
    expect(base64Secret.decode('a*b=')).toBeUndefined();
    expect(base64Secret).toMatchObject({ encoding: 'base64', public: false });
  });
});
