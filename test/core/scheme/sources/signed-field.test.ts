// A field signed on its own while the body is not: the one exception to "verify before parse",
// shown with Mailgun's shape and its oracle (test/oracles/mailgun.ts).
import { describe, expect, it } from 'vitest';
import { hmac } from '../../../../src/core/scheme/algorithms/hmac.js';
import { composeSender } from '../../../../src/core/scheme/compose-sender.js';
import { hex } from '../../../../src/core/scheme/encodings/hex.js';
import { utf8Secret } from '../../../../src/core/scheme/keys/utf8-secret.js';
import { signatureField } from '../../../../src/core/scheme/signatures/signature-field.js';
import { signedField } from '../../../../src/core/scheme/sources/signed-field.js';
import { unixSeconds } from '../../../../src/core/scheme/timestamps/unix-seconds.js';
import { createVerifier } from '../../../../src/core/verifier.js';
import { signDelivery } from '../../../../src/testing/index.js';
import { mailgunOracle } from '../../../oracles/mailgun.js';

const timestamp = signedField('signature.timestamp');
const token = signedField('signature.token');
const mailgun = composeSender({
  name: 'mailgun',
  signatures: signatureField('signature.signature', { encoding: hex }),
  signed: [timestamp, token],
  algorithm: hmac('sha256', utf8Secret),
  timestamp: unixSeconds(timestamp),
  id: token,
});
const KEY = 'key-3ax6xnjp29jd6fds4gc373sgvjxteol0';
const now = () => Math.floor(Date.now() / 1000);
const signed = (overrides: { timestamp?: number; key?: string } = {}) =>
  mailgunOracle.reference.sign({ ...mailgunOracle.example, key: overrides.key ?? KEY, timestamp: overrides.timestamp ?? now() });

describe('signedField', () => {
  it('verifies what the Mailgun reference signs, and says that only the named fields are vouched for', async () => {
    const request = signed();
    const delivery = await createVerifier(mailgun, { secret: KEY }).verify({ body: request.body, headers: request.headers });
    expect(delivery).toMatchObject({ id: mailgunOracle.example.id, authenticated: 'body-fields', replayable: false });
    expect(delivery.payload).toMatchObject({ 'event-data': { event: 'delivered' } });
    expect(mailgun).toMatchObject({ readsBodyFirst: true, authenticated: 'body-fields' });
  });

  it('signs what it verifies: the test signer writes the signed fields and the signature into the body', async () => {
    const out = await signDelivery(mailgun, { secret: KEY, body: { 'event-data': { event: 'opened' } }, id: 'tok_1' });
    const parsed = JSON.parse(out.body as string) as { signature: { token: string; timestamp: string; signature: string } };
    expect(parsed.signature).toMatchObject({ token: 'tok_1', timestamp: expect.stringMatching(/^\d+$/), signature: expect.stringMatching(/^[0-9a-f]{64}$/) });
    await expect(createVerifier(mailgun, { secret: KEY }).verify(out)).resolves.toMatchObject({ id: 'tok_1' });
  });

  it('refuses a changed token, a stale timestamp, and a body that is not JSON, before any HMAC', async () => {
    const verifier = createVerifier(mailgun, { secret: KEY });
    const request = signed();
    const text = new TextDecoder().decode(request.body);
    const changed = text.replace(/"token":"(.)/, (_m, c: string) => `"token":"${c === 'a' ? 'b' : 'a'}`);
    await expect(verifier.safeVerify({ body: changed, headers: {} })).resolves.toMatchObject({ code: 'invalid_signature' });
    const stale = signed({ timestamp: now() - 3600 });
    await expect(verifier.safeVerify({ body: stale.body, headers: {} })).resolves.toMatchObject({ code: 'timestamp_too_old' });
    await expect(verifier.safeVerify({ body: 'not json', headers: {} })).resolves.toMatchObject({
      code: 'invalid_body',
      message: expect.stringMatching(/not valid UTF-8 JSON, so the fields it is signed with cannot be read/),
    });
    await expect(verifier.safeVerify({ body: '{"signature":{"timestamp":1,"token":"t","signature":"ab"}}', headers: {} })).resolves.toMatchObject({
      code: 'invalid_body',
      message: expect.stringMatching(/"signature.timestamp" field is missing or not a string/),
    });
    // The event data is not signed: changing it still verifies, which is what authenticated says.
    const other = text.replace('"delivered"', '"failed"');
    await expect(verifier.verify({ body: other, headers: {} })).resolves.toMatchObject({ authenticated: 'body-fields' });
  });
});
