import { describe, expect, it } from 'vitest';
import { header } from '../../../../src/core/scheme/sources/header.js';
import { rfc3339 } from '../../../../src/core/scheme/timestamps/rfc3339.js';

describe('rfc3339', () => {
  it('parses RFC 3339 text only', () => {
    const part = rfc3339(header('x-time'));
    expect(part).toMatchObject({ format: 'rfc3339', source: { key: 'header:x-time' } });
    expect(part.parse('2026-11-23T12:00:00Z')).toBe(Date.UTC(2026, 10, 23, 12));
    for (const value of ['2026-11-23', 1795435200, '1795435200', undefined]) expect(part.parse(value)).toBeUndefined();
  });
});
