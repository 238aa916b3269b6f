import type { SecretEncoding } from '../../secrets.js';
import type { KeyForm } from '../types.js';
import { base64Secret } from './base64-secret.js';
import { hexSecret } from './hex-secret.js';
import { utf8Secret } from './utf8-secret.js';
import { whsecSecret } from './whsec-secret.js';

/** The secret form of each `secretEncoding` name of a plain sender description. */
export const SECRET_FORMS: Readonly<Record<SecretEncoding, KeyForm>> = Object.freeze({
  utf8: utf8Secret,
  hex: hexSecret,
  base64: base64Secret,
  whsec: whsecSecret,
});
