import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indentedLengthBound, measureJson } from '../../../src/cli/explain/measure-json.js';

/** The depth of a parsed value, by walking it: the reference for shallow values. */
function walkedDepth(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + Math.max(0, ...children.map(walkedDepth));
}

describe('measureJson', () => {
  it('counts the nesting, the containers and the commas, not scalars', () => {
    expect(measureJson('1')).toEqual({ depth: 0, containers: 0, commas: 0 });
    expect(measureJson('[]')).toEqual({ depth: 1, containers: 1, commas: 0 });
    expect(measureJson('{"a":[{"b":[]}],"c":{}}')).toEqual({ depth: 4, containers: 5, commas: 1 });
  });

  it('ignores brackets and commas inside strings, escaped quotes included', () => {
    expect(measureJson('["[[,{{{"]')).toEqual({ depth: 1, containers: 1, commas: 0 });
    expect(measureJson('["\\"[[,", "\\\\", {"k\\"{": 1}]')).toEqual({ depth: 2, containers: 2, commas: 2 });
  });

  it('its depth agrees with a walk of the parsed value, for any JSON', () => {
    fc.assert(fc.property(fc.json(), (text) => measureJson(text).depth === walkedDepth(JSON.parse(text))));
  });

  it('measures 100,000 levels without recursion', () => {
    expect(measureJson(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`).depth).toBe(100_000);
  });
});

describe('indentedLengthBound', () => {
  it('is never below the length of the indented form, for any JSON and indent', () => {
    fc.assert(
      fc.property(fc.json(), fc.constantFrom<[number, string | number]>([1, '\t'], [2, 2], [4, 4]), (text, [width, indent]) => {
        const indented = JSON.stringify(JSON.parse(text), null, indent);
        return indentedLengthBound(text, measureJson(text), width) >= indented.length;
      }),
    );
  });

  it('is close for a typical body', () => {
    const text = JSON.stringify({ a: [1, 2, { b: 'x' }], c: { d: null } });
    const bound = indentedLengthBound(text, measureJson(text), 4);
    expect(bound).toBeLessThan(2 * JSON.stringify(JSON.parse(text), null, 4).length);
  });
});
