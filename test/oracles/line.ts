// LINE Messaging API: `x-line-signature: <base64>` over the raw body, keyed with the channel
// secret (UTF-8).
import { validateSignature } from '@line/bot-sdk';
import { accepts, bodyByte, bodyHmacSigner, installed, randomSecret, sameKey, utf8, type Oracle } from './oracle.js';

export const lineOracle: Oracle = {
  name: 'line',
  sdk: installed('@line/bot-sdk'),
  example: {
    id: '01FZ74A0TDDPYRVKNK77XKC3ZR',
    url: 'https://receiver.example/webhooks/line',
    body: utf8('{"destination":"U0123456789abcdef","events":[{"type":"message","webhookEventId":"01FZ74A0TDDPYRVKNK77XKC3ZR","message":{"type":"text","text":"café ✓"}}]}'),
  },
  keys: () => sameKey(randomSecret('', 16)),
  reference: { sign: bodyHmacSigner({ header: 'x-line-signature', algorithm: 'sha256', encoding: 'base64' }) },
  verify: (delivery, secret) =>
    accepts(() => validateSignature(Buffer.from(delivery.body), secret, delivery.headers['x-line-signature'] ?? '')),
  tampers: [bodyByte()],
  vectors: [],
};
