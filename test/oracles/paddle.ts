// Paddle Billing: `Paddle-Signature: ts=<unix>;h1=<hex>` over `<ts>:<body>`, keyed with the
// notification destination's secret key (UTF-8, the `pdl_ntfset_…` string verbatim).
import { Paddle } from '@paddle/paddle-node-sdk';
import { bodyByte, hmac, installed, randomSecret, post, sameKey, text, utf8, timestampParam, type Oracle } from './oracle.js';

// Constructing a client installs the SDK's Node crypto provider, which verification needs; no
// request is made.
const paddle = new Paddle('pdl_sdbx_apikey_hookverify_oracle');

export const paddleOracle: Oracle = {
  name: 'paddle',
  sdk: installed('@paddle/paddle-node-sdk'),
  example: {
    id: 'evt_01hv8x2acma2gz6he7m1yy7a5n',
    url: 'https://receiver.example/webhooks/paddle',
    body: utf8('{"event_id":"evt_01hv8x2acma2gz6he7m1yy7a5n","event_type":"transaction.paid","occurred_at":"2024-04-12T10:18:49.621022Z","notification_id":"ntf_01hv8x2af9a6wk3bq0ktcr4jw8","data":{"note":"café ✓"}}'),
  },
  keys: () => sameKey(randomSecret('pdl_ntfset_01hv8x2ab_', 24, 'base64url')),
  reference: {
    sign: (input) => post(input, { 'paddle-signature': `ts=${input.timestamp};h1=${hmac('sha256', input.key, [`${input.timestamp}:`, input.body], 'hex')}` }),
  },
  verify: async (delivery, secret) =>
    paddle.webhooks.isSignatureValid(text(delivery.body), secret, delivery.headers['paddle-signature'] ?? ''),
  replayWindow: { past: 5, future: null },
  tampers: [
    bodyByte(),
    timestampParam('paddle-signature', 'ts'),
  ],
  vectors: [],
};
