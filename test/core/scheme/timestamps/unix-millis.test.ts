import { describe, expect, it } from 'vitest';
import { header } from '../../../../src/core/scheme/sources/header.js';
import { unixMillis } from '../../../../src/core/scheme/timestamps/unix-millis.js';

describe('unixMillis', () => {
  it('reads whole milliseconds', () => {
    const part = unixMillis(header('x-ms'));
    expect(part.format).toBe('unix-millis');
    expect(part.parse('1700000000123')).toBe(1_700_000_000_123);
    expect(part.parse('x')).toBeUndefined();
  });
});
