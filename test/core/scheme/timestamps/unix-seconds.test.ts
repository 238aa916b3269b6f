import { describe, expect, it } from 'vitest';
import { bodyField } from '../../../../src/core/scheme/sources/body-field.js';
import { unixSeconds } from '../../../../src/core/scheme/timestamps/unix-seconds.js';

describe('unixSeconds', () => {
  it('reads whole seconds, as text or as a JSON number', () => {
    const part = unixSeconds(bodyField('t'));
    expect(part.format).toBe('unix-seconds');
    expect(part.parse('1700000000')).toBe(1_700_000_000_000);
    expect(part.parse(1_700_000_000)).toBe(1_700_000_000_000);
    for (const value of ['1.5', '-1', '1e9', ' 1', null, Number.POSITIVE_INFINITY]) expect(part.parse(value)).toBeUndefined();
  });
});
