import { describe, expect, it } from 'vitest';
import { textBody } from '../../../../src/core/scheme/bodies/text-body.js';
import { NOT_OF_KIND } from '../../../../src/core/scheme/types.js';

describe('textBody', () => {
  it('is the UTF-8 text, empty included', () => {
    expect(textBody.read('')).toBe('');
    expect(textBody.read(new TextEncoder().encode('é'))).toBe('é');
    expect(textBody.read(Uint8Array.of(0xc3))).toBe(NOT_OF_KIND);
    expect(textBody).toMatchObject({ name: 'text', hasFields: false });
  });
});
