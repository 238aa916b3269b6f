// The README says Peridio's published worked example does not reproduce. This computes it: the
// inputs as Peridio's webhook reference prints them, the documented algorithm (HMAC-SHA256 over
// the published-at value then the body), and both readings of the secret.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPeridioVerifier, peridio } from '../../../src/senders/peridio/index.js';
import { signDelivery } from '../../../src/testing/index.js';

const SECRET = 'B284A51B143841695B2D7BF3B8554731';
const PUBLISHED_AT = '2000-01-01T00:00:00Z';
const ORG = '4e33149b-637d-4679-b64f-4905e7a0cf8c';
// The body of the reference's to-be-signed payload, byte for byte (compact JSON, this key order).
const BODY =
  `{"version":1,"prn":"prn:1:${ORG}:event:a727838c-0195-4ccf-8258-cebf4608db8e","type":"device","inserted_at":"2023-09-14T20:23:30Z",` +
  `"data":{"type":"release_changed","data":{"device":{"identifier":"SN1337","prn":"prn:1:${ORG}:device:a2edbb76-5f44-4202-860d-74a8c17d65aa"},` +
  `"from_release":{"prn":"prn:1:${ORG}:release:499b64fb-1420-4f58-8c73-e5497e1f531e","version":"1.0.0"},` +
  `"to_release":{"prn":"prn:1:${ORG}:release:f456986f-1a2f-4d73-8f70-96ff05a6bce7","version":"2.0.0"}}}}`;
const PUBLISHED_SIGNATURE = 'FC825FCAA2E4C2688F075144105B75C2943D8B88AC4B5FAB134F2676A63FB6EF';

const hmac = (key: Uint8Array, ...parts: string[]) => {
  const mac = createHmac('sha256', key);
  for (const part of parts) mac.update(part);
  return mac.digest('hex').toUpperCase();
};
const KEY_READINGS = [
  ['the hex-decoded 16 bytes (the documented reading, and Peridio’s sample code)', Buffer.from(SECRET, 'hex')],
  ['the 32 ASCII characters', Buffer.from(SECRET, 'utf8')],
] as const;
// The reference also prints the body indented; neither form gives the published value.
const BODIES = [
  ['compact, as in the to-be-signed payload', BODY],
  ['indented, as in the body block', JSON.stringify(JSON.parse(BODY), null, 2)],
] as const;

describe('Peridio’s published worked example', () => {
  it.each(KEY_READINGS.flatMap(([key, bytes]) => BODIES.map(([body, text]) => [key, body, bytes, text] as const)))(
    'key read as %s, body %s: the documented algorithm does not give FC825FCA…A63FB6EF',
    (_key, _body, key, body) => {
      const computed = hmac(key, PUBLISHED_AT, body);
      expect(computed).toMatch(/^[0-9A-F]{64}$/);
      expect(computed).not.toBe(PUBLISHED_SIGNATURE);
      expect(computed.startsWith('FC825FCA') || computed.endsWith('A63FB6EF')).toBe(false);
    },
  );

  it('hookverify signs the example as the documented algorithm does, and refuses the published signature', async () => {
    const signed = await signDelivery(peridio, { secret: SECRET, body: BODY, timestamp: Date.parse(PUBLISHED_AT) });
    expect(signed.headers).toMatchObject({ 'peridio-published-at': PUBLISHED_AT, 'peridio-signature': hmac(Buffer.from(SECRET, 'hex'), PUBLISHED_AT, BODY) });

    const verifier = createPeridioVerifier({ secret: SECRET, now: () => Date.parse(PUBLISHED_AT) });
    expect((await verifier.safeVerify(signed)).ok).toBe(true);
    const published = { body: BODY, headers: { 'peridio-published-at': PUBLISHED_AT, 'peridio-signature': PUBLISHED_SIGNATURE } };
    expect(await verifier.safeVerify(published)).toMatchObject({ ok: false, code: 'invalid_signature' });
  });
});
