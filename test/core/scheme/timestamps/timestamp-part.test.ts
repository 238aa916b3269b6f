import { describe, expect, it } from 'vitest';
import { header } from '../../../../src/core/scheme/sources/header.js';
import { timestampPart } from '../../../../src/core/scheme/timestamps/timestamp-part.js';

describe('timestampPart', () => {
  it('freezes a source with its format and parser, and refuses what is not a source', () => {
    const parse = () => 1;
    const part = timestampPart(header('x-t'), 'unix-seconds', parse);
    expect(part).toMatchObject({ format: 'unix-seconds', parse });
    expect(Object.isFrozen(part)).toBe(true);
    expect(() => timestampPart('x-t' as never, 'rfc3339', parse)).toThrow(/rfc3339\(\) needs the source of the time/);
  });
});
