import { describe, expect, it } from 'vitest';
import { base64 } from '../../../src/core/scheme/encodings/base64.js';
import { hex } from '../../../src/core/scheme/encodings/hex.js';
import { candidateDecoder } from '../../../src/core/verify/candidate-decoder.js';

describe('candidateDecoder', () => {
  it('decodes fixed-length signatures into buffers it reuses, one per position', () => {
    const decode = candidateDecoder(hex, 2, 3);
    const first = decode('abcd', 0)!;
    expect([...first]).toEqual([0xab, 0xcd]);
    expect(decode('0102', 0)).toBe(first);
    expect([...first]).toEqual([1, 2]);
    expect(decode('0304', 1)).not.toBe(first);
    expect(decode('abc', 2)).toBeUndefined();
    expect(decode('abcdef', 2)).toBeUndefined();
  });

  it('decodes variable-length signatures (DER) afresh, bounded', () => {
    const decode = candidateDecoder(base64, undefined, 4);
    const a = decode('AAEC', 0)!;
    expect(a).toEqual(Uint8Array.of(0, 1, 2));
    expect(decode('AAEC', 0)).not.toBe(a);
    expect(decode('', 0)).toBeUndefined();
    expect(decode(Buffer.alloc(129).toString('base64'), 0)).toBeUndefined();
    expect(decode(Buffer.alloc(128).toString('base64'), 0)).toHaveLength(128);
  });
});
