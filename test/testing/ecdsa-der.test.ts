import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { derToP1363 } from '../../src/core/scheme/algorithms/ecdsa-p256.js';
import { p1363ToDer } from '../../src/testing/ecdsa-der.js';

describe('p1363ToDer', () => {
  it('writes the strict DER node:crypto verifies, and the verifier reads back', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    for (let i = 0; i < 50; i++) {
      const message = Buffer.from(`m${i}`);
      const raw = new Uint8Array(sign('sha256', message, { key: privateKey, dsaEncoding: 'ieee-p1363' }));
      const der = p1363ToDer(raw);
      expect(verify('sha256', message, { key: publicKey, dsaEncoding: 'der' }, der)).toBe(true);
      expect(derToP1363(der)).toEqual(raw);
    }
    // Leading zeros dropped, a zero added before a set top bit.
    const edge = new Uint8Array(64);
    edge[31] = 1;
    edge[32] = 0x80;
    expect([...p1363ToDer(edge)]).toEqual([0x30, 0x26, 0x02, 0x01, 0x01, 0x02, 0x21, 0x00, 0x80, ...new Array(31).fill(0)]);
  });
});
