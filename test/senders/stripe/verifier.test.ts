// Stripe, checked both ways against its own SDK: the SDK accepts what hookverify's test signer
// signs, hookverify accepts what the SDK signs, and a one-byte change anywhere signed is refused.
import { createHmac } from 'node:crypto';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { createStripeVerifier, stripe } from '../../../src/senders/stripe/index.js';
import { signDelivery } from '../../../src/testing/index.js';
import { expectCode } from '../conformance.js';

const sdk = new Stripe('sk_test_hookverify');
const SECRET = 'whsec_5a7f0d5e4c3b2a1908f7e6d5c4b3a291';
const OLD_SECRET = 'whsec_0ld5ecret0ld5ecret0ld5ecret0ld5e';
const EVENT = { id: 'evt_1PqR2sTuVwXyZ', object: 'event', type: 'payment_intent.succeeded', data: { object: { description: 'café ✓' } } };
const BODY = JSON.stringify(EVENT);
const nowSeconds = () => Math.floor(Date.now() / 1000);
const v1 = (secret: string, t: number, body: string) => createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');

describe('stripe: against the stripe SDK', () => {
  it('the SDK accepts what the test signer signs', async () => {
    const signed = await signDelivery(stripe, { secret: SECRET, body: EVENT });
    expect(signed.headers['stripe-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const event = sdk.webhooks.constructEvent(signed.body as string, signed.headers['stripe-signature']!, SECRET);
    expect(event).toMatchObject({ id: EVENT.id, type: EVENT.type });
  });

  it('accepts what the SDK signs, with the event id and type from the signed body', async () => {
    const header = sdk.webhooks.generateTestHeaderString({ payload: BODY, secret: SECRET, timestamp: nowSeconds() });
    const delivery = await createStripeVerifier({ secret: SECRET }).verify({ body: BODY, headers: { 'Stripe-Signature': header } });
    expect(delivery).toMatchObject({ sender: 'stripe', id: EVENT.id, eventType: EVENT.type, replayable: false, authenticated: 'body', payload: EVENT });
    expect(delivery.timestamp?.getTime()).toBe(Number(header.slice(2, header.indexOf(','))) * 1000);
  });

  it('refuses a one-byte change of the body or of t, whoever signed', async () => {
    const t = nowSeconds();
    const verifier = createStripeVerifier({ secret: SECRET });
    const header = sdk.webhooks.generateTestHeaderString({ payload: BODY, secret: SECRET, timestamp: t });
    for (let at = 0; at < BODY.length; at += 7) {
      const body = BODY.slice(0, at) + String.fromCharCode(BODY.charCodeAt(at) ^ 1) + BODY.slice(at + 1);
      await expectCode(verifier, { body, headers: { 'stripe-signature': header } }, 'invalid_signature');
    }
    await expectCode(verifier, { body: BODY, headers: { 'stripe-signature': header.replace(`t=${t}`, `t=${t - 1}`) } }, 'invalid_signature');
    const mine = await signDelivery(stripe, { secret: SECRET, body: BODY });
    const flipped = mine.headers['stripe-signature']!.replace(/v1=(.)/, (_m, c: string) => `v1=${c === '0' ? '1' : '0'}`);
    await expectCode(verifier, { body: BODY, headers: { 'stripe-signature': flipped } }, 'invalid_signature');
  });
});

describe('stripe: the Stripe-Signature header', () => {
  const verifier = createStripeVerifier({ secrets: [SECRET, OLD_SECRET] });

  it('takes a v1 per active secret, in any order, and ignores v0 and unknown parameters', async () => {
    const t = nowSeconds();
    for (const header of [
      `t=${t},v1=${v1(OLD_SECRET, t, BODY)},v1=${v1('other', t, BODY)}`,
      `v1=${v1('other', t, BODY)}, t=${t} ,v1=${v1(SECRET, t, BODY)}`,
      `t=${t},v0=${v1(SECRET, t, BODY)},v1=${v1(SECRET, t, BODY)},x=1,junk`,
    ]) {
      await expect(verifier.verify({ body: BODY, headers: { 'stripe-signature': header } })).resolves.toMatchObject({ id: EVENT.id });
    }
    const signed = await signDelivery(stripe, { secrets: [SECRET, OLD_SECRET], body: BODY });
    expect(signed.headers['stripe-signature']!.match(/v1=/g)).toHaveLength(2);
    await expect(verifier.verify(signed)).resolves.toMatchObject({ matchedSecret: { index: 0 } });
  });

  it('refuses a v0 alone, no t, two t, and a t outside the window', async () => {
    const t = nowSeconds();
    const sig = v1(SECRET, t, BODY);
    const cases: [string, string, RegExp][] = [
      [`t=${t},v0=${sig}`, 'malformed_header', /has no "v1" signature/],
      [`v1=${sig}`, 'malformed_header', /has no "t" parameter/],
      [`t=${t},t=${t},v1=${sig}`, 'malformed_header', /"t" parameter more than once/],
      [`t=soon,v1=${sig}`, 'malformed_header', /"t" parameter of the stripe-signature header is not a valid timestamp/],
      [`t=${t},v1=nothex`, 'malformed_header', /has no "v1" signature/],
    ];
    for (const [header, code, message] of cases) {
      const outcome = await expectCode(verifier, { body: BODY, headers: { 'stripe-signature': header } }, code as never);
      expect(outcome.message).toMatch(message);
    }
    const old = t - 301;
    await expectCode(verifier, { body: BODY, headers: { 'stripe-signature': `t=${old},v1=${v1(SECRET, old, BODY)}` } }, 'timestamp_too_old');
    await expectCode(verifier, { body: BODY, headers: {} }, 'missing_header');
  });

  it('bounds the work: at most 16 signatures and 32 parameters', async () => {
    const t = nowSeconds();
    const many = (n: number) => [`t=${t}`, ...Array.from({ length: n - 1 }, () => `v1=${'0'.repeat(64)}`), `v1=${v1(SECRET, t, BODY)}`].join(',');
    await expect(verifier.verify({ body: BODY, headers: { 'stripe-signature': many(16) } })).resolves.toBeDefined();
    await expectCode(verifier, { body: BODY, headers: { 'stripe-signature': many(17) } }, 'malformed_header');
    const padded = [`t=${t}`, `v1=${v1(SECRET, t, BODY)}`, ...Array.from({ length: 31 }, (_, i) => `x${i}=1`)].join(',');
    await expectCode(verifier, { body: BODY, headers: { 'stripe-signature': padded } }, 'malformed_header');
  });

  it('is composed from parts: header parameters, a signed t, a timestamp and ids in the body', () => {
    expect(stripe.signature).toMatchObject({ kind: 'header-parameters', header: 'stripe-signature', signatureParameter: 'v1', pairSeparator: ',', kvSeparator: '=' });
    expect(stripe.signedParts.map((part) => part.label)).toEqual(['the "t" parameter of the stripe-signature header', '"."', 'the body']);
    expect(stripe).toMatchObject({ replayProtection: 'timestamp', algorithm: { label: 'HMAC-SHA256', key: { encoding: 'utf8' } } });
  });
});
