import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../../src/core/errors.js';
import { check, headerName } from '../../../src/core/scheme/check.js';

describe('check', () => {
  it('passes a truthy condition and refuses a falsy one with invalid_option and the message', () => {
    expect(() => check(1, 'unused')).not.toThrow();
    for (const falsy of [false, 0, '', null, undefined]) {
      expect(() => check(falsy, 'x must be y')).toThrow(expect.objectContaining({ code: 'invalid_option', message: 'x must be y' }));
    }
  });
});

describe('headerName', () => {
  it('lower-cases an RFC 9110 token', () => {
    expect(headerName('X-Hub-Signature-256', 'opt')).toBe('x-hub-signature-256');
    expect(headerName("a!#$%&'*+.^_`|~9", 'opt')).toBe("a!#$%&'*+.^_`|~9");
  });

  it.each([[''], ['x y'], ['x:y'], ['é'], [5], [undefined], ['x\n']])('refuses %j, naming the option', (name) => {
    expect(() => headerName(name, 'signature.header')).toThrow(ConfigurationError);
    expect(() => headerName(name, 'signature.header')).toThrow(/signature\.header must be an HTTP header name/);
  });
});
