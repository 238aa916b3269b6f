import { describe, expect, it } from 'vitest';
import { bodyField, pathKeys, readPath } from '../../../../src/core/scheme/sources/body-field.js';

describe('bodyField', () => {
  it('reads a dot path of a parsed body', () => {
    const source = bodyField('event.id');
    expect(source).toMatchObject({ kind: 'body-field', path: 'event.id', keys: ['event', 'id'], key: 'body-field:event.id', label: `the body's "event.id" field` });
    expect(source.read({ event: { id: 'e1' } })).toBe('e1');
    expect(source.read({ event: null })).toBeUndefined();
    expect(source.read('text')).toBeUndefined();
    expect('bind' in source).toBe(false);
  });

  it('follows own properties only', () => {
    expect(readPath({}, ['constructor'])).toBeUndefined();
    expect(readPath({ a: Object.create({ b: 1 }) }, ['a', 'b'])).toBeUndefined();
    expect(readPath(JSON.parse('{"__proto__":{"x":1}}'), ['__proto__', 'x'])).toBe(1);
  });

  it.each([[''], ['a..b'], ['.a'], ['a.'], [3]])('refuses the path %j', (path) => {
    expect(() => pathKeys(path as string)).toThrow(/dot path/);
    expect(() => bodyField(path as string)).toThrow(/dot path/);
  });
});
