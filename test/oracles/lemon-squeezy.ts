// Lemon Squeezy: `X-Signature: <hex HMAC-SHA256>` over the raw body, keyed with the webhook's
// signing secret (UTF-8). `X-Event-Name` repeats the body's meta.event_name and is not signed.
import { bodyByte, bodyHmacSigner, randomSecret, sameKey, utf8, type Oracle } from './oracle.js';
import { hexSha256Twin } from './twins.js';

export const lemonSqueezyOracle: Oracle = {
  name: 'lemon-squeezy',
  sdk: null,
  example: {
    id: 'unused',
    url: 'https://receiver.example/webhooks/lemon-squeezy',
    body: utf8('{"meta":{"event_name":"order_created","custom_data":{"customer_id":25}},"data":{"type":"orders","id":"1","attributes":{"store_id":1,"user_name":"café ✓"}}}'),
  },
  keys: () => sameKey(randomSecret('', 16, 'base64url')),
  reference: {
    sign: bodyHmacSigner({ header: 'x-signature', algorithm: 'sha256', encoding: 'hex', headers: () => ({ 'x-event-name': 'order_created' }) }),
  },
  crossCheck: hexSha256Twin('x-signature'),
  tampers: [bodyByte()],
  vectors: [],
};
