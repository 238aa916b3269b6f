import { describe, expect, it } from 'vitest';
import { base64Secret } from '../../../../src/core/scheme/keys/base64-secret.js';
import { hexSecret } from '../../../../src/core/scheme/keys/hex-secret.js';
import { SECRET_FORMS } from '../../../../src/core/scheme/keys/secret-forms.js';
import { utf8Secret } from '../../../../src/core/scheme/keys/utf8-secret.js';
import { whsecSecret } from '../../../../src/core/scheme/keys/whsec-secret.js';

describe('SECRET_FORMS', () => {
  it('names each secret form as a plain description writes it', () => {
    expect(SECRET_FORMS).toEqual({ utf8: utf8Secret, hex: hexSecret, base64: base64Secret, whsec: whsecSecret });
    for (const [name, form] of Object.entries(SECRET_FORMS)) expect(form.encoding).toBe(name);
  });
});
