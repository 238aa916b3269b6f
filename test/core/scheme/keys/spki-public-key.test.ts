import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { spkiPublicKey } from '../../../../src/core/scheme/keys/spki-public-key.js';

describe('spkiPublicKey', () => {
  it('decodes a DER SubjectPublicKeyInfo from bare base64 or a PEM block', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const der = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }));
    expect(spkiPublicKey.decode(Buffer.from(der).toString('base64'))).toEqual(der);
    expect(spkiPublicKey.decode(publicKey.export({ format: 'pem', type: 'spki' }) as string)).toEqual(der);
    expect(spkiPublicKey.decode('not base64!')).toBeUndefined();
    expect(spkiPublicKey).toMatchObject({ encoding: 'spki', public: true });
  });
});
