import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBase64, decodeHex, decodeUtf8, encodeBase64, encodeHex, utf8 } from '../../src/core/encoding.js';

describe('hex', () => {
  it('round-trips random bytes in both cases, like Buffer', () => {
    for (let length = 0; length < 70; length++) {
      const bytes = new Uint8Array(randomBytes(length));
      const hex = Buffer.from(bytes).toString('hex');
      expect(encodeHex(bytes)).toBe(hex);
      expect(encodeHex(bytes, 'upper')).toBe(hex.toUpperCase());
      expect(decodeHex(hex)).toEqual(bytes);
      expect(decodeHex(hex.toUpperCase())).toEqual(bytes);
    }
  });

  it('refuses odd lengths and anything but hex digits', () => {
    for (const text of ['a', 'abc', 'zz', '0g', ' 00', '00 ', '0x00', '\u0660\u0661', 'é0', '+1', '-1']) {
      expect(decodeHex(text), text).toBeUndefined();
    }
    expect(decodeHex('')).toEqual(new Uint8Array(0));
  });
});

describe('base64', () => {
  it('round-trips random bytes, like Buffer', () => {
    for (let length = 0; length < 70; length++) {
      const bytes = new Uint8Array(randomBytes(length));
      const text = Buffer.from(bytes).toString('base64');
      expect(encodeBase64(bytes)).toBe(text);
      expect(decodeBase64(text)).toEqual(bytes);
    }
  });

  it('refuses unpadded, url-safe, misplaced padding, whitespace and non-zero pad bits', () => {
    for (const text of ['QQ', 'QUI', 'Q===', '=QQQ', 'QQ=A', 'Q Q=', '-_8=', 'QUJD\n', 'QR==', 'QUJ=', 'QUJDRA=B']) {
      expect(decodeBase64(text), text).toBeUndefined();
    }
    expect(decodeBase64('QQ==')).toEqual(new Uint8Array([0x41]));
    expect(decodeBase64('QUI=')).toEqual(new Uint8Array([0x41, 0x42]));
  });
});

describe('utf8', () => {
  it('encodes and strictly decodes', () => {
    expect(decodeUtf8(utf8('é✓🚀'))).toBe('é✓🚀');
    expect(decodeUtf8(new Uint8Array([0xff]))).toBeUndefined();
    expect(utf8('\uD800')).toEqual(new Uint8Array([0xef, 0xbf, 0xbd]));
  });
});
