// Intercom: `X-Hub-Signature: sha1=<hex HMAC-SHA1>` over the raw body, keyed with the app's
// client secret (UTF-8). The notification id, topic and created_at are in the body.
import { bodyByte, bodyHmacSigner, randomSecret, sameKey, utf8, type Oracle } from './oracle.js';

export const intercomOracle: Oracle = {
  name: 'intercom',
  sdk: null,
  example: {
    id: 'notif_ccd8a4d2-3a0d-4b3e-9f2a-0d1c4e5f6a7b',
    url: 'https://receiver.example/webhooks/intercom',
    body: utf8('{"type":"notification_event","app_id":"abc123","data":{"item":{"type":"conversation","title":"café ✓"}},"id":"notif_ccd8a4d2-3a0d-4b3e-9f2a-0d1c4e5f6a7b","topic":"conversation.user.created","created_at":1714557600}'),
  },
  keys: () => sameKey(randomSecret('', 16)),
  reference: { sign: bodyHmacSigner({ header: 'x-hub-signature', algorithm: 'sha1', encoding: 'hex', prefix: 'sha1=' }) },
  signatureFormat: { header: 'x-hub-signature', pattern: /^sha1=[0-9a-f]{40}$/ },
  tampers: [bodyByte()],
  vectors: [],
};
