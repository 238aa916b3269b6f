// Mux: `mux-signature: t=<unix>,v1=<hex>` over `<t>.<body>`, keyed with the webhook signing
// secret (UTF-8). The same shape as Stripe's under another header name.
import Mux from '@mux/mux-node';
import { accepts, bodyByte, hmac, installed, randomSecret, post, sameKey, text, utf8, timestampParam, type Oracle } from './oracle.js';

const mux = new Mux({ tokenId: 'hookverify-oracle', tokenSecret: 'hookverify-oracle' });

export const muxOracle: Oracle = {
  name: 'mux',
  sdk: installed('@mux/mux-node'),
  example: {
    id: '3a56ac3d-33da-4366-855b-f592d898409d',
    url: 'https://receiver.example/webhooks/mux',
    body: utf8('{"type":"video.asset.ready","id":"3a56ac3d-33da-4366-855b-f592d898409d","object":{"type":"asset","id":"0201p02fGKPE7MrbC269XRD7LpcHhrmbu0002"},"data":{"passthrough":"café ✓"}}'),
  },
  keys: () => sameKey(randomSecret('', 16, 'base64url')),
  reference: {
    sign: (input) => post(input, { 'mux-signature': `t=${input.timestamp},v1=${hmac('sha256', input.key, [`${input.timestamp}.`, input.body], 'hex')}` }),
  },
  verify: (delivery, secret) => accepts(() => mux.webhooks.verifySignature(text(delivery.body), delivery.headers, secret)),
  replayWindow: { past: 300, future: null },
  tampers: [
    bodyByte(),
    timestampParam('mux-signature', 't'),
  ],
  vectors: [],
};
