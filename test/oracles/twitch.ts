// Twitch EventSub (webhook transport): `Twitch-Eventsub-Message-Signature: sha256=<hex>` over
// `<message id><message timestamp><body>` (no separators), keyed with the subscription's secret
// (UTF-8, 10 to 100 characters). The timestamp is RFC 3339 with nanoseconds, signed as sent.
import { bodyByte, headerByte, hmac, randomSecret, post, sameKey, text, utf8, type Oracle, type SignInput } from './oracle.js';
import { prefixedHexSha256Twin } from './twins.js';

const rfc3339Nanos = (seconds: number) => `${new Date(seconds * 1000).toISOString().slice(0, 19)}.000000000Z`;

export const twitchOracle: Oracle = {
  name: 'twitch-eventsub',
  sdk: null,
  example: {
    id: 'befa7b53-d79d-478f-86b9-120f112b044e',
    url: 'https://receiver.example/webhooks/twitch',
    body: utf8('{"subscription":{"id":"f1c2a387-161a-49f9-a165-0f21d7a4e1c4","type":"channel.follow","version":"2","status":"enabled"},"event":{"user_login":"cool_user","user_name":"café ✓","broadcaster_user_login":"cooler_user"}}'),
  },
  keys: () => sameKey(randomSecret('', 20)),
  reference: {
    sign: (input: SignInput) => {
      const timestamp = rfc3339Nanos(input.timestamp);
      return post(input, {
        'twitch-eventsub-message-id': input.id,
        'twitch-eventsub-message-retry': '0',
        'twitch-eventsub-message-type': 'notification',
        'twitch-eventsub-message-timestamp': timestamp,
        'twitch-eventsub-message-signature': `sha256=${hmac('sha256', input.key, [input.id, timestamp, input.body], 'hex')}`,
        'twitch-eventsub-subscription-type': 'channel.follow',
        'twitch-eventsub-subscription-version': '2',
      });
    },
  },
  crossCheck: prefixedHexSha256Twin(
    'twitch-eventsub-message-signature',
    (request) => request.headers['twitch-eventsub-message-id']! + request.headers['twitch-eventsub-message-timestamp']! + text(request.body),
  ),
  tampers: [bodyByte(), headerByte('twitch-eventsub-message-id'), headerByte('twitch-eventsub-message-timestamp')],
  vectors: [],
};
