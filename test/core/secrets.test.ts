import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/core/errors.js';
import { SECRET_FORMS } from '../../src/core/scheme/keys/secret-forms.js';
import { decodeSecrets as decodeIn, type SecretEncoding, type SecretInput } from '../../src/core/secrets.js';
import { createPeridioVerifier } from '../../src/senders/peridio/index.js';
import { createStandardWebhooksVerifier } from '../../src/senders/standard-webhooks/index.js';
import { createEdgeSenseVerifier } from '../../src/senders/edgesense/index.js';

// Each secret form is a part of its own (src/core/scheme/keys); named here as a description names it.
const decodeSecrets = (input: SecretInput | readonly SecretInput[] | undefined, encoding: SecretEncoding) => decodeIn(input, SECRET_FORMS[encoding]);

function refused(input: unknown, encoding: SecretEncoding, code = 'invalid_secret'): ConfigurationError {
  try {
    decodeSecrets(input as SecretInput, encoding);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).code).toBe(code);
    return error as ConfigurationError;
  }
  throw new Error('the secret was accepted');
}

describe('decodeSecrets', () => {
  it('decodes each encoding to key bytes', () => {
    const key = randomBytes(32);
    expect(decodeSecrets('ab\u00e9', 'utf8')[0]!.key).toEqual(new Uint8Array(Buffer.from('ab\u00e9')));
    expect(decodeSecrets(key.toString('hex').toUpperCase(), 'hex')[0]!.key).toEqual(new Uint8Array(key));
    expect(decodeSecrets(key.toString('hex'), 'hex')[0]!.key).toEqual(new Uint8Array(key));
    expect(decodeSecrets(key.toString('base64'), 'base64')[0]!.key).toEqual(new Uint8Array(key));
    expect(decodeSecrets(`whsec_${key.toString('base64')}`, 'whsec')[0]!.key).toEqual(new Uint8Array(key));
    // Secrets without the prefix work too, as in the reference libraries.
    expect(decodeSecrets(key.toString('base64'), 'whsec')[0]!.key).toEqual(new Uint8Array(key));
    // Raw bytes are used as they are, whatever the encoding.
    expect(decodeSecrets(new Uint8Array([1, 2, 3]), 'hex')[0]!.key).toEqual(new Uint8Array([1, 2, 3]));
    // Surrounding whitespace from an .env file is ignored for encoded secrets.
    expect(decodeSecrets(` ${key.toString('hex')}\n`, 'hex')[0]!.key).toEqual(new Uint8Array(key));
  });

  it('accepts base64 and whsec_ secrets whose "=" padding was cut off, as the reference libraries do', () => {
    // 31 bytes end in "==", 32 in "=".
    for (const length of [31, 32]) {
      const key = randomBytes(length);
      const unpadded = key.toString('base64').replace(/=+$/, '');
      expect(unpadded).not.toBe(key.toString('base64'));
      expect(decodeSecrets(`whsec_${unpadded}`, 'whsec')[0]!.key).toEqual(new Uint8Array(key));
      expect(decodeSecrets(unpadded, 'base64')[0]!.key).toEqual(new Uint8Array(key));
    }
    expect(() => createStandardWebhooksVerifier({ secret: `whsec_${randomBytes(32).toString('base64').replace(/=+$/, '')}` })).not.toThrow();
  });

  it('labels, indexes and expiries', () => {
    const decoded = decodeSecrets(
      ['a', { secret: 'b', label: 'old', notAfter: '2026-01-01T00:00:00Z' }, { secret: 'c', notAfter: new Date(5) }, { secret: 'd', notAfter: 7 }],
      'utf8',
    );
    expect(decoded.map((entry) => entry.matched)).toEqual([
      { index: 0, label: undefined },
      { index: 1, label: 'old' },
      { index: 2, label: undefined },
      { index: 3, label: undefined },
    ]);
    expect(decoded.map((entry) => entry.notAfterMs)).toEqual([Number.POSITIVE_INFINITY, Date.UTC(2026, 0, 1), 5, 7]);
  });

  it.each<[string, unknown, SecretEncoding]>([
    ['nothing', undefined, 'utf8'],
    ['null', null, 'utf8'],
    ['an empty list', [], 'utf8'],
    ['an empty string', '', 'utf8'],
    ['only whitespace', '   ', 'utf8'],
    ['empty bytes', new Uint8Array(0), 'utf8'],
    ['a number', 42, 'utf8'],
    ['an object without secret', { label: 'x' }, 'utf8'],
    ['31 hex characters', 'B284A51B143841695B2D7BF3B855473', 'hex'],
    ['33 hex characters', 'B284A51B143841695B2D7BF3B85547311', 'hex'],
    ['32 characters that are not hex', 'B284A51B143841695B2D7BF3B855473G', 'hex'],
    ['16 hex characters', 'B284A51B14384169', 'hex'],
    ['a whsec_ prefix with no key', 'whsec_', 'whsec'],
    ['a whsec_ prefix with bad base64', 'whsec_not base64!', 'whsec'],
    // One character short: padding it back leaves non-zero pad bits, the sign of a cut key.
    ['a truncated whsec_ key', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS', 'whsec'],
    ['base64 one character past a group', 'QUJDQ', 'base64'],
    ['bad base64', 'a*b=', 'base64'],
  ])('refuses %s with invalid_secret and never echoes it', (_what, input, encoding) => {
    const error = refused(input, encoding);
    if (typeof input === 'string' && input.trim().length > 8) {
      expect(error.message).not.toContain(input.trim());
      expect(error.message).not.toContain(input.trim().slice(0, 8));
    }
  });

  it('names the position of the bad secret in a list, not its value', () => {
    const error = refused(['B284A51B143841695B2D7BF3B8554731', 'B284A51B1438416'], 'hex');
    expect(error.message).toMatch(/secret #1/);
    expect(error.message).not.toContain('B284A51B1438416');
    expect(refused(['a', undefined], 'utf8').message).toMatch(/secret #1 is missing/);
  });

  it('refuses an unparseable notAfter with invalid_option', () => {
    refused({ secret: 'a', notAfter: 'next tuesday' }, 'utf8', 'invalid_option');
    refused({ secret: 'a', notAfter: new Date(Number.NaN) }, 'utf8', 'invalid_option');
  });

  it('is what the sender verifiers run at construction', () => {
    const secret = 'B284A51B143841695B2D7BF3B855473';
    expect(() => createPeridioVerifier({ secret })).toThrow(ConfigurationError);
    expect(() => createPeridioVerifier({ secret: undefined })).toThrow(/no secret was given/);
    expect(() => createStandardWebhooksVerifier({ secret: 'whsec_%%%%' })).toThrow(ConfigurationError);
    expect(() => createEdgeSenseVerifier({ secrets: [] })).toThrow(ConfigurationError);
    try {
      createPeridioVerifier({ secret });
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(secret);
      expect(JSON.stringify(error)).not.toContain(secret);
    }
  });
});
