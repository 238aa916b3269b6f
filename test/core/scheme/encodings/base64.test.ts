import { describe, expect, it } from 'vitest';
import { base64 } from '../../../../src/core/scheme/encodings/base64.js';

describe('base64', () => {
  it('decodes canonical padded base64 only', () => {
    const target = new Uint8Array(1);
    expect(base64.decodeInto('QQ==', target)).toBe(true);
    expect(target[0]).toBe(0x41);
    // Non-zero pad bits: another text of the same byte, refused.
    expect(base64.decodeInto('QR==', target)).toBe(false);
    expect(base64.decode('QQ')).toBeUndefined();
    expect(base64.decode('AAEC')).toEqual(Uint8Array.of(0, 1, 2));
    expect(base64.name).toBe('base64');
  });
});
