import { describe, expect, it } from 'vitest';
import { formBody } from '../../../../src/core/scheme/bodies/form-body.js';
import { NOT_OF_KIND } from '../../../../src/core/scheme/types.js';

describe('formBody', () => {
  it('decodes fields into an object without prototype; a repeated name becomes a list', () => {
    const fields = formBody.read('From=%2B15551234567&Body=caf%C3%A9+%E2%9C%93&To=a&To=b&To=c') as Record<string, unknown>;
    expect(Object.getPrototypeOf(fields)).toBeNull();
    expect({ ...fields }).toEqual({ From: '+15551234567', Body: 'café ✓', To: ['a', 'b', 'c'] });
    expect((formBody.read('__proto__=x') as Record<string, unknown>)['__proto__']).toBe('x');
    expect(formBody.read(Uint8Array.of(0xff))).toBe(NOT_OF_KIND);
    expect(formBody).toMatchObject({ name: 'form', hasFields: true });
  });

  it('reads one name sent 20,000 times in linear time (copying the array each time took 30 s)', () => {
    const started = performance.now();
    const fields = formBody.read('a=1&'.repeat(20_000)) as { a: string[] };
    expect(fields.a).toHaveLength(20_000);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
