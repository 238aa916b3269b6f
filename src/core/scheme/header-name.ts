import { ConfigurationError } from '../errors.js';

// RFC 9110 token characters, lower-case only: names are compared lower-cased.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;

/** The lower-case header name, or a ConfigurationError naming the option. */
export function headerName(name: unknown, option: string): string {
  const lower = typeof name === 'string' ? name.toLowerCase() : '';
  if (!HEADER_NAME.test(lower)) throw new ConfigurationError('invalid_option', `${option} must be an HTTP header name`);
  return lower;
}
