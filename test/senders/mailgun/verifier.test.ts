import { describe, expect, it } from 'vitest';
import { createMailgunVerifier, mailgun } from '../../../src/senders/mailgun/index.js';
import { signDelivery } from '../../../src/testing/index.js';
import { mailgunOracle } from '../../oracles/mailgun.js';
import { text } from '../../oracles/oracle.js';
import { expectCode } from '../conformance.js';
import { describeVendorChecks, SIGNED_AT } from '../vendor-checks.js';

const eventData = (example: Uint8Array) => JSON.parse(text(example)) as Record<string, unknown>;

describeVendorChecks({
  sender: mailgun,
  create: createMailgunVerifier,
  oracle: mailgunOracle,
  // The test signer writes the three signature fields into the object it is given.
  bodyFor: (example) => ({ 'event-data': eventData(example) }),
});

// Mailgun's is the one scheme here without a signature header, so the header-shaped conformance
// suite does not apply: what it checks is checked below for the fields in the body.
describe('mailgun: what is signed', () => {
  const key = mailgunOracle.keys().signingKey;
  const token = mailgunOracle.example.id;
  const now = SIGNED_AT * 1000;
  const verifier = createMailgunVerifier({ secret: key, now: () => now });
  const signed = () => mailgunOracle.reference.sign({ ...mailgunOracle.example, key, timestamp: SIGNED_AT });
  const envelope = () => JSON.parse(text(signed().body)) as { signature: Record<string, string>; 'event-data': Record<string, unknown> };
  const send = (value: unknown) => ({ body: JSON.stringify(value), headers: { 'content-type': 'application/json' } });

  it('says that only the signature fields are authenticated, and dedupes on the signed token', async () => {
    expect(mailgun.authenticated).toBe('body-fields');
    expect(mailgun.readsBodyFirst).toBe(true);
    expect(mailgun.replayProtection).toBe('timestamp');
    expect(mailgun.signedParts.map((part) => part.label)).toEqual(['the body\'s "signature.timestamp" field', 'the body\'s "signature.token" field']);
    const delivery = await verifier.verify({ body: signed().body, headers: {} });
    expect(delivery).toMatchObject({ id: token, authenticated: 'body-fields', replayable: false, timestamp: new Date(now) });
    expect(delivery.payload).toEqual(envelope());
  });

  it('accepts the signature beside other event data, which is why the delivery says body-fields; the id stays the token', async () => {
    const forged = { ...envelope(), 'event-data': { event: 'complained', recipient: 'someone-else@example.com' } };
    await expect(verifier.verify(send(forged))).resolves.toMatchObject({ id: token, authenticated: 'body-fields', payload: forged });
  });

  it('refuses a changed timestamp, token or signature', async () => {
    const original = envelope();
    const lastChanged = (value: string) => `${value.slice(0, -1)}${value.endsWith('0') ? '1' : '0'}`;
    const edits: Record<string, string>[] = [
      { timestamp: String(SIGNED_AT + 1) },
      { token: lastChanged(token) },
      { signature: lastChanged(original.signature.signature!) },
    ];
    for (const edit of edits) await expectCode(verifier, send({ ...original, signature: { ...original.signature, ...edit } }), 'invalid_signature');
  });

  it('keeps a digit moved from the timestamp into the token signed, so only the replay window refuses it', async () => {
    // timestamp + token is signed with no separator between them.
    const { signature } = envelope();
    const shifted = { ...envelope(), signature: { ...signature, timestamp: signature.timestamp!.slice(0, -1), token: signature.timestamp!.slice(-1) + token } };
    await expectCode(verifier, send(shifted), 'timestamp_too_old');
    await expect(createMailgunVerifier({ secret: key, unsafeDisableReplayCheck: true }).verify(send(shifted))).resolves.toMatchObject({ replayable: true });
  });

  it('answers invalid_body when a signature field is missing or not a string, and for a body that is not JSON', async () => {
    const original = envelope();
    for (const field of ['timestamp', 'token', 'signature']) {
      const { [field]: _removed, ...rest } = original.signature;
      await expectCode(verifier, send({ ...original, signature: rest }), 'invalid_body');
      await expectCode(verifier, send({ ...original, signature: { ...original.signature, [field]: 12345 } }), 'invalid_body');
    }
    for (const body of ['not json', '', '[]', 'null', JSON.stringify({ 'event-data': original['event-data'] })]) {
      await expectCode(verifier, { body, headers: {} }, 'invalid_body');
    }
  });

  it('answers malformed_header for a signature that is not 64 hex characters, before any HMAC', async () => {
    const original = envelope();
    for (const bad of ['zz'.repeat(32), original.signature.signature!.slice(2), `${original.signature.signature!}00`, ' ']) {
      await expectCode(verifier, send({ ...original, signature: { ...original.signature, signature: bad } }), 'malformed_header');
    }
  });

  it('answers body_too_large before parsing the body', async () => {
    const body = signed().body;
    await expectCode(createMailgunVerifier({ secret: key, now: () => now, maxBodyBytes: body.byteLength - 1 }), { body, headers: {} }, 'body_too_large');
  });

  it('verifies with any configured key and says which one matched', async () => {
    const other = mailgunOracle.keys().signingKey;
    const rolling = createMailgunVerifier({ secrets: [{ secret: other, label: 'new' }, { secret: key, label: 'old' }], now: () => now });
    await expect(rolling.verify({ body: signed().body, headers: {} })).resolves.toMatchObject({ matchedSecret: { index: 1, label: 'old' } });
  });

  it('signs with hookverify/testing as the reference does', async () => {
    const ours = await signDelivery(mailgun, { secret: key, body: { 'event-data': eventData(mailgunOracle.example.body) }, timestamp: now, id: token });
    const theirs = envelope();
    expect((JSON.parse(ours.body as string) as typeof theirs).signature).toEqual(theirs.signature);
  });
});
