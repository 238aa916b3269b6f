// Option checks every part shares: a refusal that says what the option must be, and header names.
import { ConfigurationError } from '../errors.js';

// RFC 9110 token characters, lower-case only: names are compared lower-cased.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;

/** Refuses a part's option with a ConfigurationError that says what it must be. */
export function check(ok: unknown, message: string): asserts ok {
  if (!ok) throw new ConfigurationError('invalid_option', message);
}

/** The lower-case header name, or a ConfigurationError naming the option. */
export function headerName(name: unknown, option: string): string {
  const lower = typeof name === 'string' ? name.toLowerCase() : '';
  check(HEADER_NAME.test(lower), `${option} must be an HTTP header name`);
  return lower;
}
