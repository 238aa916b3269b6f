import { describe, expect, it } from 'vitest';
import { utf8Secret } from '../../../../src/core/scheme/keys/utf8-secret.js';

describe('utf8Secret', () => {
  it('is the text as given, whitespace and prefixes included; blank text is no secret', () => {
    expect(utf8Secret.decode('whsec_é ')).toEqual(new TextEncoder().encode('whsec_é '));
    expect(utf8Secret.decode(' \n')).toBeUndefined();
    expect(utf8Secret).toMatchObject({ encoding: 'utf8', public: false });
  });
});
