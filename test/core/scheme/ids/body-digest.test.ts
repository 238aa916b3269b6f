import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nodeCryptoBackend } from '../../../../src/crypto/node.js';
import { webCryptoBackend } from '../../../../src/crypto/web.js';
import { bodyDigest } from '../../../../src/core/scheme/ids/body-digest.js';

describe('bodyDigest', () => {
  it('is the hex SHA-256 of the raw body, on either backend', async () => {
    const body = new TextEncoder().encode('{"a":1}');
    const expected = createHash('sha256').update(body).digest('hex');
    expect(bodyDigest.compute({ payload: {}, headers: {}, body }, nodeCryptoBackend()!)).toBe(expected);
    await expect(bodyDigest.compute({ payload: {}, headers: {}, body: '{"a":1}' }, webCryptoBackend())).resolves.toBe(expected);
    expect(bodyDigest.kind).toBe('body-digest');
  });
});
