import { describe, expect, it } from 'vitest';
import { bytesBody } from '../../../../src/core/scheme/bodies/bytes-body.js';

describe('bytesBody', () => {
  it('is the caller\'s own bytes, or the UTF-8 of a string', () => {
    const bytes = Uint8Array.of(0xff, 0);
    expect(bytesBody.read(bytes)).toBe(bytes);
    expect(bytesBody.read('é')).toEqual(Uint8Array.of(0xc3, 0xa9));
    expect(bytesBody).toMatchObject({ name: 'bytes', hasFields: false });
  });
});
