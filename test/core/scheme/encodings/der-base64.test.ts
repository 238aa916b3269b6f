import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { derBase64 } from '../../../../src/core/scheme/encodings/der-base64.js';

const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const der = sign('sha256', Buffer.from('content'), { key: privateKey, dsaEncoding: 'der' });

/** A DER ECDSA-Sig-Value of two INTEGERs, each given as its content bytes. */
function sequence(r: number[], s: number[]): string {
  const body = [0x02, r.length, ...r, 0x02, s.length, ...s];
  return Buffer.from([0x30, body.length, ...body]).toString('base64');
}

describe('derBase64', () => {
  it('decodes the base64 of a strict DER ECDSA signature to its bytes', () => {
    expect(derBase64.name).toBe('base64');
    expect(derBase64.decode(der.toString('base64'))).toEqual(new Uint8Array(der));
    expect(derBase64.decode(sequence([0x01], [0x7f]))).toEqual(new Uint8Array(Buffer.from(sequence([0x01], [0x7f]), 'base64')));
    // A leading zero byte is required before a value whose top bit is set.
    expect(derBase64.decode(sequence([0x00, 0x80], [0x01]))).toBeDefined();
  });

  it('refuses base64 that is not a DER ECDSA signature, so it is malformed rather than merely wrong', () => {
    const refused = [
      'z'.repeat(64), // base64 of 48 bytes that are no DER
      Buffer.alloc(64, 1).toString('base64'), // r || s, not DER
      sequence([0x00, 0x01], [0x01]), // a leading zero that is not needed
      sequence([0x80], [0x01]), // a negative r
      sequence([], [0x01]), // an empty r
      sequence(Array(33).fill(0x01), [0x01]), // r longer than P-256 allows
      Buffer.concat([der, Buffer.from([0])]).toString('base64'), // a trailing byte
      sequence([0x01], [0x7f]).replace(/=+$/, ''), // unpadded: not canonical base64
      der.toString('base64url'),
      '',
    ];
    for (const text of refused) expect(derBase64.decode(text), text).toBeUndefined();
  });

  it('fills a fixed-length buffer as base64 does', () => {
    const target = new Uint8Array(4);
    expect(derBase64.decodeInto(Buffer.from([1, 2, 3, 4]).toString('base64'), target)).toBe(true);
    expect(target).toEqual(Uint8Array.of(1, 2, 3, 4));
    expect(derBase64.decodeInto('AQID', target)).toBe(false);
  });
});
