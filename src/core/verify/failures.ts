import type { Sender } from '../scheme/compose-sender.js';
import type { VerificationErrorCode } from '../errors.js';
import type { BodyKind, VerificationFailure } from '../scheme/types.js';

/** A refusal as a frozen value: built once per verifier, returned as often as needed. */
export function fail(code: VerificationErrorCode, message: string): VerificationFailure {
  return Object.freeze({ ok: false as const, code, message });
}

/** The refusals every verifier can answer, worded for its sender. */
export function failuresFor(sender: Sender, toleranceMs: number, body: BodyKind) {
  const source = sender.timestamp?.source;
  const time = source?.label ?? 'the timestamp';
  const seconds = Math.round(toleranceMs / 1000);
  const key = sender.algorithm.key.public ? 'public key' : 'secret';
  return {
    timestamp_too_old: fail(
      'timestamp_too_old',
      `${time} is more than ${seconds}s in the past: a replay, or this server's clock is ahead of the sender's (use NTP)`,
    ),
    timestamp_in_future: fail(
      'timestamp_in_future',
      `${time} is more than ${seconds}s in the future: this server's clock is behind the sender's (use NTP)`,
    ),
    invalid_signature: fail(
      'invalid_signature',
      `no signature in ${sender.signature.label} matches an active ${key}; check the ${key}, and pass the raw ` +
        'request bytes: a body that was parsed and re-serialized no longer matches what was signed',
    ),
    no_active_secret: fail('no_active_secret', `every configured ${key} is past its notAfter; add the current one`),
    invalid_body: fail('invalid_body', `the body is signed correctly but is not ${body.noun}`),
    empty_body: fail('invalid_body', 'the body is signed correctly but empty, which is not JSON: for empty bodies say body: "text" or "bytes"'),
    unsupported_encoding: fail(
      'unsupported_encoding',
      'the body has a content-encoding and does not verify as given: hookverify decodes nothing; have the sender ' +
        'stop compressing, or decompress within a size limit before verifying',
    ),
    body_too_large: fail('body_too_large', 'the body is larger than maxBodyBytes'),
    body_not_raw: fail(
      'invalid_body',
      'the body is not raw bytes or a string; it was likely parsed by a JSON body parser: pass the raw bytes',
    ),
    body_timestamp: fail('invalid_body', `${time} is missing or not a valid timestamp`),
    timestamp_malformed: fail(source?.kind === 'body-field' ? 'invalid_body' : 'malformed_header', `${time} is not a valid timestamp`),
  };
}
