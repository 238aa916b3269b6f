import * as z from 'zod/mini';
import { isPrn, PRN_PATTERN } from '../prn.js';

export { PRN_PATTERN };

/** A Peridio Resource Name, checked by `isPrn`. */
export const prnSchema = z
  .string()
  .check(z.refine((text) => isPrn(text), { error: 'expected a Peridio Resource Name (prn:1:<organization-uuid>[:<type>:<id>])' }))
  .register(z.globalRegistry, { pattern: PRN_PATTERN, maxLength: 256 });
