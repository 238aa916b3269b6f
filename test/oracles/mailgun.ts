// Mailgun: no signature header. The JSON body carries `signature: { timestamp, token, signature }`
// where signature = hex HMAC-SHA256(HTTP webhook signing key, <timestamp><token>). The event
// data beside it is NOT covered: the token (unique per delivery) and the timestamp are.
import { bodyByte, concat, hmac, post, randomSecret, sameKey, text, utf8, type Oracle, type SignedRequest } from './oracle.js';
import { hexSha256Twin } from './twins.js';

interface Envelope {
  signature: { timestamp: string; token: string; signature: string };
}

const envelope = (request: SignedRequest) => JSON.parse(text(request.body)) as Envelope;

export const mailgunOracle: Oracle = {
  name: 'mailgun',
  sdk: null,
  example: {
    // Mailgun's tokens are 50 random characters.
    id: 'a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0',
    url: 'https://receiver.example/webhooks/mailgun',
    body: utf8('{"event":"delivered","id":"CPgfbmQMTCKtHW6uIWtuVe","timestamp":1521472262.908181,"recipient":"alice@example.com","message":{"headers":{"subject":"café ✓"}}}'),
  },
  keys: () => sameKey(randomSecret('', 16)),
  reference: {
    sign: (input) => {
      const timestamp = String(input.timestamp);
      const signature = hmac('sha256', input.key, [timestamp, input.id], 'hex');
      // The event data is spliced in as given, never re-serialized.
      const body = concat(`{"signature":{"token":"${input.id}","timestamp":"${timestamp}","signature":"${signature}"},"event-data":`, input.body, '}');
      return post(input, {}, body);
    },
  },
  crossCheck: hexSha256Twin(
    (request) => envelope(request).signature.signature,
    (request) => envelope(request).signature.timestamp + envelope(request).signature.token,
  ),
  tampers: [
    bodyByte(false),
    {
      what: 'one character of signature.token in the body',
      refused: true,
      apply: (request) => {
        const token = envelope(request).signature.token;
        const changed = token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a');
        return { ...request, body: utf8(text(request.body).replace(`"token":"${token}"`, `"token":"${changed}"`)) };
      },
    },
  ],
  vectors: [],
};
