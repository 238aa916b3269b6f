import { describe, expect, it } from 'vitest';
import { formBody } from '../../../../src/core/scheme/bodies/form-body.js';
import { NOT_OF_KIND } from '../../../../src/core/scheme/types.js';

describe('formBody', () => {
  it('reads decoded values, an array for a name sent more than once, without a prototype', () => {
    const fields = formBody.read('a=1&b=caf%C3%A9+%E2%9C%93&a=2&a=1&__proto__=x') as Record<string, unknown>;
    expect(Object.getPrototypeOf(fields)).toBeNull();
    expect(Object.entries(fields)).toEqual([['a', ['1', '2', '1']], ['b', 'café ✓'], ['__proto__', 'x']]);
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(formBody.read(Uint8Array.of(0x61, 0x3d, 0xff))).toBe(NOT_OF_KIND);
  });

  it('reads one name sent 20,000 times in linear time (copying the array each time took 30 s)', () => {
    const started = performance.now();
    const fields = formBody.read('a=1&'.repeat(20_000)) as { a: string[] };
    expect(fields.a).toHaveLength(20_000);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
