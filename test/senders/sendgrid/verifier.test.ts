import { describe, expect, it } from 'vitest';
import { createSendGridVerifier, sendgrid } from '../../../src/senders/sendgrid/index.js';
import { sendgridOracle } from '../../oracles/sendgrid.js';
import { describeConformance, expectCode } from '../conformance.js';
import { conformanceCase, describeVendorChecks, SIGNED_AT, type VendorCase } from '../vendor-checks.js';

// The oracle's private keys are base64 PKCS #8 DER, which signDelivery takes as bytes.
const privateKey = (pkcs8: string) => new Uint8Array(Buffer.from(pkcs8, 'base64'));

const vendor: VendorCase = { sender: sendgrid, create: createSendGridVerifier, oracle: sendgridOracle, privateKey };
describeVendorChecks(vendor);
describeConformance(
  conformanceCase(vendor, (ms) => ({ events: [{ email: 'example@test.com', timestamp: Math.floor(ms / 1000), event: 'processed', sg_event_id: 'sg_event_id' }] })),
);

describe('sendgrid: definition', () => {
  it('signs the timestamp header and the body with ECDSA P-256 (DER), bounds replays with the timestamp, dedupes on the body digest', () => {
    expect(sendgrid.signedParts.map((part) => part.label)).toEqual(['the x-twilio-email-event-webhook-timestamp header', 'the body']);
    expect(sendgrid.algorithm.label).toBe('ECDSA P-256');
    expect(sendgrid.algorithm.key.public).toBe(true);
    expect(sendgrid.replayProtection).toBe('timestamp');
    expect(sendgrid.id?.kind).toBe('body-digest');
  });
});

/** The two INTEGERs of a DER ECDSA-Sig-Value, without their leading zero bytes. */
function integers(der: Buffer): [Buffer, Buffer] {
  const rLength = der[3]!;
  const strip = (value: Buffer) => value.subarray(value.findIndex((byte) => byte !== 0));
  return [strip(der.subarray(4, 4 + rLength)), strip(der.subarray(6 + rLength))];
}

/** DER of two INTEGERs given as unsigned bytes: a zero byte goes before a set top bit. */
function derOf(r: Buffer, s: Buffer): Buffer {
  const integer = (value: Buffer) => (value[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), value]) : value);
  const [ri, si] = [integer(r), integer(s)];
  const body = Buffer.concat([Buffer.from([0x02, ri.length]), ri, Buffer.from([0x02, si.length]), si]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
}

describe('sendgrid: signatures in DER', () => {
  const keys = sendgridOracle.keys();
  const signed = sendgridOracle.reference.sign({ ...sendgridOracle.example, key: keys.signingKey, timestamp: SIGNED_AT });
  const name = 'x-twilio-email-event-webhook-signature';
  const verifier = createSendGridVerifier({ secret: keys.verifyingKey, now: () => SIGNED_AT * 1000 });
  const withSignature = (der: Buffer) => ({ body: signed.body, headers: { ...signed.headers, [name]: der.toString('base64') } });

  it('accepts one text per signature: r padded to 33 bytes with a byte other than zero is refused, not truncated', async () => {
    const [r, s] = integers(Buffer.from(signed.headers[name]!, 'base64'));
    await expect(verifier.verify(withSignature(derOf(r, s)))).resolves.toBeDefined();
    const padded = Buffer.concat([Buffer.from([0x01]), Buffer.alloc(32 - r.length), r]);
    await expectCode(verifier, withSignature(derOf(padded, s)), 'malformed_header');
  });

  it('answers malformed_header for base64 that is not DER, before any key is tried', async () => {
    const [r, s] = integers(Buffer.from(signed.headers[name]!, 'base64'));
    await expectCode(verifier, withSignature(Buffer.concat([Buffer.alloc(32 - r.length), r, Buffer.alloc(32 - s.length), s])), 'malformed_header');
    await expectCode(verifier, withSignature(Buffer.from('z'.repeat(64), 'base64')), 'malformed_header');
  });
});
