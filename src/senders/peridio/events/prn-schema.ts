import * as z from 'zod/mini';
import { isPrn } from '../prn.js';

const UUID = '[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}';

/**
 * The grammar `isPrn` checks, as a pattern for the JSON Schema files only (validation itself
 * goes through `isPrn`, the one definition). A test keeps the two in agreement. Every
 * quantifier is bounded and the branches start differently, so it is linear for any engine.
 */
export const PRN_PATTERN = `^prn:[1-9][0-9]{0,5}:(?:${UUID}(?::[a-z][a-z0-9_]{0,63}:[A-Za-z0-9._-]{1,128})?|user:${UUID})$`;

/** A Peridio Resource Name, checked by `isPrn`. */
export const prnSchema = z
  .string()
  .check(z.refine((text) => isPrn(text), { error: 'expected a Peridio Resource Name (prn:1:<organization-uuid>[:<type>:<id>])' }))
  .register(z.globalRegistry, { pattern: PRN_PATTERN, maxLength: 256 });
