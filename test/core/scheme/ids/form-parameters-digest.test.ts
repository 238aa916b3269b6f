import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formParametersDigest } from '../../../../src/core/scheme/ids/form-parameters-digest.js';
import { nodeCryptoBackend } from '../../../../src/crypto/node.js';
import { webCryptoBackend } from '../../../../src/crypto/web.js';

describe('formParametersDigest', () => {
  it('is the SHA-256 of the sorted parameters, the same however the form was ordered, on both backends', async () => {
    const expected = createHash('sha256').update('a1b2b3').digest('hex');
    for (const backend of [nodeCryptoBackend()!, webCryptoBackend()]) {
      for (const payload of [{ a: '1', b: ['3', '2'] }, { b: ['2', '3', '2'], a: '1' }]) {
        expect(await formParametersDigest.compute({ payload, headers: {}, body: '' }, backend)).toBe(expected);
      }
    }
  });

  it('gives no id for a payload that is not form fields', async () => {
    for (const payload of [null, 'a=1', 42]) {
      expect(await formParametersDigest.compute({ payload, headers: {}, body: '' }, nodeCryptoBackend()!)).toBeUndefined();
    }
  });
});
