import { describe, expect, it } from 'vitest';
import { decodeKeyBase64 } from '../../../../src/core/scheme/keys/padded-base64.js';

describe('decodeKeyBase64', () => {
  it('puts back padding a dashboard cut off, and keeps refusing non-zero pad bits', () => {
    expect(decodeKeyBase64('QUI')).toEqual(Uint8Array.of(0x41, 0x42));
    expect(decodeKeyBase64('QQ')).toEqual(Uint8Array.of(0x41));
    expect(decodeKeyBase64('QUI=')).toEqual(Uint8Array.of(0x41, 0x42));
    expect(decodeKeyBase64('QR')).toBeUndefined();
    expect(decodeKeyBase64('Q')).toBeUndefined();
  });
});
