import type { VerificationErrorCode } from '../../src/core/errors.js';

/** Every code a verifier may refuse a delivery with; a test that sees another has found a bug. */
export const VERIFICATION_CODES: readonly VerificationErrorCode[] = [
  'missing_header',
  'malformed_header',
  'timestamp_too_old',
  'timestamp_in_future',
  'invalid_signature',
  'no_active_secret',
  'invalid_body',
  'body_too_large',
  'unsupported_encoding',
];
