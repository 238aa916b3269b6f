import { describe, expect, it } from 'vitest';
import { jsonBody } from '../../../../src/core/scheme/bodies/json-body.js';
import { NOT_OF_KIND } from '../../../../src/core/scheme/types.js';

describe('jsonBody', () => {
  it('parses UTF-8 JSON, and answers NOT_OF_KIND for anything else', () => {
    expect(jsonBody.read('{"a":[1]}')).toEqual({ a: [1] });
    expect(jsonBody.read(new TextEncoder().encode('null'))).toBeNull();
    for (const body of ['', '{', Uint8Array.of(0x22, 0xff, 0x22)]) expect(jsonBody.read(body)).toBe(NOT_OF_KIND);
    expect(jsonBody).toMatchObject({ name: 'json', hasFields: true, noun: 'valid UTF-8 JSON' });
    expect(NOT_OF_KIND).toBe(Symbol.for('hookverify.notOfKind'));
  });
});
