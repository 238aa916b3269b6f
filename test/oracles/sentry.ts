// Sentry integration platform: `Sentry-Hook-Signature: <hex HMAC-SHA256>` over the body, keyed
// with the integration's client secret (UTF-8). `Sentry-Hook-Resource`, `Sentry-Hook-Timestamp`
// and `Request-ID` are not signed.
import { bodyByte, bodyHmacSigner, randomSecret, sameKey, utf8, type Oracle } from './oracle.js';
import { hexSha256Twin } from './twins.js';

export const sentryOracle: Oracle = {
  name: 'sentry',
  sdk: null,
  example: {
    id: 'a2b2c3d4-0000-4000-8000-123456789abc',
    url: 'https://receiver.example/webhooks/sentry',
    body: utf8('{"action":"created","installation":{"uuid":"a8e5d37a-696c-4c54-adb5-b3f28d64c7de"},"data":{"issue":{"id":"1170820242","title":"café ✓"}},"actor":{"type":"application","id":"sentry","name":"Sentry"}}'),
  },
  keys: () => sameKey(randomSecret('', 32)),
  reference: {
    sign: bodyHmacSigner({
      header: 'sentry-hook-signature',
      algorithm: 'sha256',
      encoding: 'hex',
      headers: (input) => ({ 'request-id': input.id, 'sentry-hook-resource': 'issue', 'sentry-hook-timestamp': String(input.timestamp) }),
    }),
  },
  crossCheck: hexSha256Twin('sentry-hook-signature'),
  tampers: [bodyByte()],
  vectors: [],
};
