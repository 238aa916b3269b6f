// Linear: `Linear-Signature: <hex HMAC-SHA256>` over the raw body, keyed with the webhook's
// signing secret (UTF-8). The only trusted time is the body's `webhookTimestamp` (Unix
// milliseconds), which the signature covers; `Linear-Delivery` and `Linear-Event` are unsigned.
import { LinearWebhookClient } from '@linear/sdk/webhooks';
import { accepts, bodyByte, concat, hmac, installed, post, randomSecret, sameKey, text, utf8, type Oracle, type SignInput } from './oracle.js';

// The sender writes its clock into the payload: the first member of the JSON object, byte-spliced
// so the rest of the body stays exactly as given.
function withTimestamp(input: SignInput): Uint8Array {
  const body = text(input.body);
  if (!body.startsWith('{')) throw new Error('a Linear body is a JSON object');
  return concat(`{"webhookTimestamp":${input.timestamp * 1000}`, body.length > 2 ? ',' : '', body.slice(1));
}

export const linearOracle: Oracle = {
  name: 'linear',
  sdk: installed('@linear/sdk'),
  example: {
    id: '2cbcd3b6-63a6-4b3d-9d9e-6e2c7f5d7a10',
    url: 'https://receiver.example/webhooks/linear',
    body: utf8('{"action":"create","type":"Issue","createdAt":"2024-05-01T10:00:00.000Z","organizationId":"b6f2f3c0","webhookId":"3f6a2c11","data":{"title":"café ✓"}}'),
  },
  keys: () => sameKey(randomSecret('lin_wh_', 24, 'base64url')),
  reference: {
    sign: (input) => {
      const body = withTimestamp(input);
      const headers = {
        'content-type': 'application/json; charset=utf-8',
        'linear-delivery': input.id,
        'linear-event': 'Issue',
        'linear-signature': hmac('sha256', input.key, [body], 'hex'),
      };
      return post(input, headers, body);
    },
  },
  verify: (delivery, secret) =>
    accepts(() => new LinearWebhookClient(secret).verify(Buffer.from(delivery.body), delivery.headers['linear-signature'] ?? '')),
  replayWindow: { past: 60, future: 60 },
  tampers: [bodyByte()],
  vectors: [],
};
