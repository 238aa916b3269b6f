// Square: `x-square-hmacsha256-signature: <base64>` over the notification URL (exactly as
// registered for the subscription) followed by the raw body, keyed with the signature key (UTF-8).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { accepts, bodyByte, hmac, installed, randomSecret, sameKey, text, post, urlByte, utf8, type Oracle, type SignInput } from './oracle.js';

// The package root loads the whole API client (over five seconds here); its export map offers
// no lighter entry, so the helper is loaded from its own file.
const require = createRequire(import.meta.url);
const { WebhooksHelper } = require(join(dirname(require.resolve('square')), 'wrapper', 'WebhooksHelper.js')) as {
  WebhooksHelper: {
    verifySignature(args: { requestBody: string; signatureHeader: string; signatureKey: string; notificationUrl: string }): Promise<boolean>;
  };
};

const request = (input: SignInput, signature: string) => post(input, { 'x-square-hmacsha256-signature': signature });

export const squareOracle: Oracle = {
  name: 'square',
  sdk: installed('square'),
  example: {
    id: '6a8f5f28-54a1-4eb0-a98a-3111513fd4fc',
    url: 'https://receiver.example/webhooks/square',
    body: utf8('{"merchant_id":"6SSW7HV8K2ST5","type":"payment.updated","event_id":"6a8f5f28-54a1-4eb0-a98a-3111513fd4fc","data":{"note":"café ✓"}}'),
  },
  keys: () => sameKey(randomSecret('', 16, 'base64url')),
  reference: { sign: (input) => request(input, hmac('sha256', input.key, [input.url, input.body], 'base64')) },
  verify: (delivery, key) =>
    accepts(() =>
      WebhooksHelper.verifySignature({
        requestBody: text(delivery.body),
        signatureHeader: delivery.headers['x-square-hmacsha256-signature'] ?? '',
        signatureKey: key,
        notificationUrl: delivery.url,
      }),
    ),
  tampers: [bodyByte(), urlByte()],
  vectors: [
    {
      source: 'developer.squareup.com/docs/webhooks/step3validate, the sample request (curl -d \'{"hello":"world"}\')',
      input: { key: 'asdf1234', body: utf8('{"hello":"world"}'), timestamp: 0, id: 'unused', url: 'https://example.com/webhook' },
      header: 'x-square-hmacsha256-signature',
      value: '2kRE5qRU2tR+tBGlDwMEw2avJ7QM4ikPYD/PJ3bd9Og=',
      verifyingKey: 'asdf1234',
      reproducible: true,
    },
  ],
};
