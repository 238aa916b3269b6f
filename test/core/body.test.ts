import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { bodyText, DEFAULT_MAX_BODY_BYTES, exceedsLimit, toBodyData } from '../../src/core/body.js';

describe('toBodyData', () => {
  it('keeps strings and byte views, wraps ArrayBuffers, refuses the rest', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(toBodyData('x')).toBe('x');
    expect(toBodyData(bytes)).toBe(bytes);
    const buffer = Buffer.from('abc');
    expect(toBodyData(buffer)).toBe(buffer);
    expect(toBodyData(bytes.buffer)).toEqual(bytes);
    for (const other of [undefined, null, 1, {}, [1], new DataView(bytes.buffer), new Uint16Array(2), { byteLength: 3 }]) {
      expect(toBodyData(other)).toBeUndefined();
    }
  });

  it('accepts bytes made in another realm, at their offset', () => {
    const foreign = runInNewContext('const b = new Uint8Array([9, 1, 2, 9]); ({ view: b.subarray(1, 3), buffer: b.buffer })') as {
      view: Uint8Array;
      buffer: ArrayBuffer;
    };
    expect(foreign.view instanceof Uint8Array).toBe(false);
    expect(Array.from(toBodyData(foreign.view) as Uint8Array)).toEqual([1, 2]);
    expect(Array.from(toBodyData(foreign.buffer) as Uint8Array)).toEqual([9, 1, 2, 9]);
  });
});

describe('exceedsLimit', () => {
  it('measures strings in UTF-8 bytes, exactly at the limit', () => {
    const samples = ['a'.repeat(100), 'é'.repeat(50), '✓'.repeat(40), '🚀'.repeat(25), 'a\uD800b', '\uDC00\uD800', 'x\uD83D', 'é✓🚀a'.repeat(30)];
    for (const text of samples) {
      const bytes = Buffer.byteLength(text, 'utf8');
      expect(exceedsLimit(text, bytes), text).toBe(false);
      expect(exceedsLimit(text, bytes - 1), text).toBe(true);
      expect(exceedsLimit(Buffer.from(text), bytes)).toBe(false);
      expect(exceedsLimit(Buffer.from(text), bytes - 1)).toBe(true);
    }
  });

  it('measures multibyte strings just under and over the default limit', () => {
    const text = 'é'.repeat(DEFAULT_MAX_BODY_BYTES / 2);
    expect(exceedsLimit(text, DEFAULT_MAX_BODY_BYTES)).toBe(false);
    expect(exceedsLimit(`${text}a`, DEFAULT_MAX_BODY_BYTES)).toBe(true);
    expect(exceedsLimit('a'.repeat(DEFAULT_MAX_BODY_BYTES + 1), DEFAULT_MAX_BODY_BYTES)).toBe(true);
  });
});

describe('bodyText', () => {
  it('decodes UTF-8 and refuses anything else', () => {
    expect(bodyText('x')).toBe('x');
    expect(bodyText(Buffer.from('{"a":"é"}'))).toBe('{"a":"é"}');
    expect(bodyText(new Uint8Array([0x7b, 0xff, 0x7d]))).toBeUndefined();
    expect(bodyText(new Uint8Array([0xed, 0xa0, 0x80]))).toBeUndefined(); // an encoded surrogate
    expect(bodyText(new Uint8Array([0xc3]))).toBeUndefined(); // truncated sequence
    // A byte-order mark is kept, so JSON.parse refuses it rather than it being silently dropped.
    expect(bodyText(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toBe('\uFEFF{}');
  });
});
