import { describe, expect, it } from 'vitest';
import { isContentEncoded } from '../../../src/core/verify/content-encoding.js';

describe('isContentEncoded', () => {
  it('is true for any content-encoding but identity, an unusable one included', () => {
    expect(isContentEncoded({})).toBe(false);
    expect(isContentEncoded({ 'content-encoding': 'IDENTITY' })).toBe(false);
    expect(isContentEncoded({ 'Content-Encoding': 'gzip' })).toBe(true);
    expect(isContentEncoded(new Headers({ 'content-encoding': 'br' }))).toBe(true);
    expect(isContentEncoded({ 'content-encoding': ['gzip', 'br'] })).toBe(true);
  });
});
