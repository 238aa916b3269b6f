import { describe, expect, it } from 'vitest';
import { peridio } from '../../../src/senders/peridio/index.js';
import { standardWebhooksV1a } from '../../../src/senders/standard-webhooks/index.js';
import { textBody } from '../../../src/core/scheme/bodies/text-body.js';
import { fail, failuresFor } from '../../../src/core/verify/failures.js';

describe('failuresFor', () => {
  it('words each refusal for the sender: its timestamp, signature source, key and body kind', () => {
    const failures = failuresFor(peridio, 300_000, peridio.body);
    expect(failures.timestamp_too_old).toEqual({
      ok: false,
      code: 'timestamp_too_old',
      message: expect.stringMatching(/^the peridio-published-at header is more than 300s in the past/),
    });
    expect(failures.invalid_signature.message).toMatch(/^no signature in the peridio-signature header matches an active secret; check the secret/);
    expect(failuresFor(standardWebhooksV1a, 60_000, textBody).invalid_signature.message).toMatch(/active public key; check the public key/);
    expect(failuresFor(peridio, 1000, textBody).invalid_body.message).toMatch(/not valid UTF-8 text$/);
    expect(Object.values(failures).every((failure) => Object.isFrozen(failure))).toBe(true);
  });

  it('fail() builds one frozen refusal', () => {
    const failure = fail('malformed_header', 'm');
    expect(failure).toEqual({ ok: false, code: 'malformed_header', message: 'm' });
    expect(Object.isFrozen(failure)).toBe(true);
  });
});
