// Stripe: `Stripe-Signature: t=<unix>,v1=<hex>` over `<t>.<body>`, keyed with the whsec_ string
// itself (its UTF-8 bytes; the whsec_ prefix is part of the key, nothing is decoded).
import Stripe from 'stripe';
import { accepts, bodyByte, hmac, installed, randomSecret, sameKey, post, text, utf8, timestampParam, type Oracle, type SignInput } from './oracle.js';

const stripe = new Stripe('sk_test_hookverify_oracle');

const request = (input: SignInput, signature: string) =>
  post(input, { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signature });

export const stripeOracle: Oracle = {
  name: 'stripe',
  sdk: installed('stripe'),
  example: {
    id: 'evt_1PqR2sTuVwXyZ',
    url: 'https://receiver.example/webhooks/stripe',
    body: utf8('{"id":"evt_1PqR2sTuVwXyZ","object":"event","type":"payment_intent.succeeded","data":{"object":{"description":"café ✓"}}}'),
  },
  keys: () => sameKey(randomSecret('whsec_', 24, 'base64url')),
  reference: {
    sign: (input) => request(input, `t=${input.timestamp},v1=${hmac('sha256', input.key, [`${input.timestamp}.`, input.body], 'hex')}`),
  },
  async sign(input) {
    const header = stripe.webhooks.generateTestHeaderString({ payload: text(input.body), secret: input.key, timestamp: input.timestamp });
    return request(input, header);
  },
  async verify(delivery, secret) {
    return accepts(() => stripe.webhooks.constructEvent(delivery.body, delivery.headers['stripe-signature'] ?? '', secret));
  },
  replayWindow: { past: 300, future: null },
  tampers: [
    bodyByte(),
    timestampParam('stripe-signature', 't'),
  ],
  vectors: [],
};
