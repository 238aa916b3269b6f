import { describe, expect, it } from 'vitest';
import { HEADER_MALFORMED, HEADER_MISSING, HEADER_REPEATED, MAX_HEADER_LENGTH, readHeader } from '../../src/core/headers.js';

describe('readHeader', () => {
  it('reads Fetch Headers case-insensitively and trims the value', () => {
    const headers = new Headers({ 'X-Sig': '  abc  ' });
    expect(readHeader(headers, 'x-sig')).toBe('abc');
    expect(readHeader(headers, 'x-other')).toBe(HEADER_MISSING);
  });

  it('reads plain records in any case', () => {
    expect(readHeader({ 'x-sig': 'a' }, 'x-sig')).toBe('a');
    expect(readHeader({ 'X-SIG': 'a' }, 'x-sig')).toBe('a');
    expect(readHeader({ 'X-Sig': 'a', other: 'b' }, 'x-sig')).toBe('a');
    expect(readHeader({ 'x-sig': undefined, 'X-Sig': 'a' }, 'x-sig')).toBe('a');
    const bare = Object.create(null) as Record<string, string>;
    bare['x-sig'] = 'a';
    expect(readHeader(bare, 'x-sig')).toBe('a');
  });

  it('does not read inherited properties as headers', () => {
    expect(readHeader({}, 'constructor')).toBe(HEADER_MISSING);
    expect(readHeader({}, 'tostring')).toBe(HEADER_MISSING);
  });

  it('reads Node string arrays (headersDistinct): one value, or none; a header sent twice is repeated, equal or not', () => {
    expect(readHeader({ 'x-sig': ['a'] }, 'x-sig')).toBe('a');
    expect(readHeader({ 'x-sig': [] }, 'x-sig')).toBe(HEADER_MISSING);
    expect(readHeader({ 'x-sig': ['a', 'a'] }, 'x-sig')).toBe(HEADER_REPEATED);
    expect(readHeader({ 'x-sig': ['a', 'a', 'a'] }, 'x-sig')).toBe(HEADER_REPEATED);
    expect(readHeader({ 'x-sig': ['a', 'b'] }, 'x-sig')).toBe(HEADER_REPEATED);
  });

  it('treats two spellings of one name with values as repeated', () => {
    expect(readHeader({ 'X-Sig': 'a', 'X-SIG': 'a' }, 'x-sig')).toBe(HEADER_REPEATED);
    expect(readHeader({ 'X-Sig': 'a', 'X-SIG': 'b' }, 'x-sig')).toBe(HEADER_REPEATED);
  });

  it('reads a Fetch Headers with a repeated header as the one value Fetch joined', () => {
    const headers = new Headers();
    headers.append('x-sig', 'a');
    headers.append('x-sig', 'b');
    expect(readHeader(headers, 'x-sig')).toBe('a, b');
  });

  it('treats empty and whitespace values as missing', () => {
    expect(readHeader({ 'x-sig': '' }, 'x-sig')).toBe(HEADER_MISSING);
    expect(readHeader({ 'x-sig': ' \t ' }, 'x-sig')).toBe(HEADER_MISSING);
    expect(readHeader({ 'x-sig': null } as never, 'x-sig')).toBe(HEADER_MISSING);
  });

  it('refuses values that are not text or too long', () => {
    expect(readHeader({ 'x-sig': 1 } as never, 'x-sig')).toBe(HEADER_MALFORMED);
    expect(readHeader({ 'x-sig': {} } as never, 'x-sig')).toBe(HEADER_MALFORMED);
    expect(readHeader({ 'x-sig': [1] } as never, 'x-sig')).toBe(HEADER_MALFORMED);
    expect(readHeader({ 'x-sig': 'a'.repeat(MAX_HEADER_LENGTH) }, 'x-sig')).toBe('a'.repeat(MAX_HEADER_LENGTH));
    expect(readHeader({ 'x-sig': 'a'.repeat(MAX_HEADER_LENGTH + 1) }, 'x-sig')).toBe(HEADER_MALFORMED);
    expect(readHeader({ 'x-sig': ['a'.repeat(64 * 1024)] }, 'x-sig')).toBe(HEADER_MALFORMED);
  });

  it('copes with things that are not headers at all', () => {
    for (const value of [null, undefined, 1, 'x-sig', true]) expect(readHeader(value, 'x-sig')).toBe(HEADER_MISSING);
    expect(readHeader({ get: () => 5 }, 'x-sig')).toBe(HEADER_MALFORMED);
    expect(readHeader({ get: () => null }, 'x-sig')).toBe(HEADER_MISSING);
    expect(
      readHeader(
        {
          get: () => {
            throw new TypeError('boom');
          },
        },
        'x-sig',
      ),
    ).toBe(HEADER_MALFORMED);
    expect(readHeader(new Map([['x-sig', 'a']]), 'x-sig')).toBe('a');
  });
});
