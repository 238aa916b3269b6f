import { HEADER_MISSING, readHeader, type HeadersInput } from '../headers.js';

/** True when the request says its body is content-encoded: anything but absent or `identity`. */
export function isContentEncoded(headers: HeadersInput): boolean {
  const value = readHeader(headers, 'content-encoding');
  return value !== HEADER_MISSING && (typeof value !== 'string' || value.toLowerCase() !== 'identity');
}
