// Coinbase Commerce: `X-CC-Webhook-Signature: <hex HMAC-SHA256>` over the raw body, keyed with the
// endpoint's shared secret (UTF-8). The event id and type are in the body, signed.
import { bodyByte, bodyHmacSigner, randomSecret, sameKey, utf8, type Oracle } from './oracle.js';
import { hexSha256Twin } from './twins.js';

export const coinbaseCommerceOracle: Oracle = {
  name: 'coinbase-commerce',
  sdk: null,
  example: {
    id: '24934862-d980-46cb-9402-43c81b0cdba6',
    url: 'https://receiver.example/webhooks/coinbase-commerce',
    body: utf8('{"id":1,"scheduled_for":"2017-01-31T20:50:02Z","event":{"id":"24934862-d980-46cb-9402-43c81b0cdba6","resource":"event","type":"charge:created","api_version":"2018-03-22","data":{"code":"66BEOV2A","name":"café ✓"}}}'),
  },
  keys: () => sameKey(randomSecret('', 18)),
  reference: { sign: bodyHmacSigner({ header: 'x-cc-webhook-signature', algorithm: 'sha256', encoding: 'hex' }) },
  crossCheck: hexSha256Twin('x-cc-webhook-signature'),
  tampers: [bodyByte()],
  vectors: [],
};
