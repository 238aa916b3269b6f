import { describe, expect, it } from 'vitest';
import { whsecSecret } from '../../../../src/core/scheme/keys/whsec-secret.js';

describe('whsecSecret', () => {
  it('decodes the base64 after an optional whsec_ prefix', () => {
    const key = Buffer.from('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'base64');
    expect(whsecSecret.decode('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')).toEqual(new Uint8Array(key));
    expect(whsecSecret.decode('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')).toEqual(new Uint8Array(key));
    expect(whsecSecret.decode('whsec_')).toEqual(new Uint8Array(0));
    expect(whsecSecret.decode('whsec_***')).toBeUndefined();
    expect(whsecSecret).toMatchObject({ encoding: 'whsec', public: false });
  });
});
