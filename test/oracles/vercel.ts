// Vercel: `x-vercel-signature: <hex HMAC-SHA1>` over the raw body, keyed with the webhook secret
// (or an integration's client secret), UTF-8. The event id, type and createdAt are in the body.
import { bodyByte, bodyHmacSigner, randomSecret, sameKey, utf8, type Oracle } from './oracle.js';

export const vercelOracle: Oracle = {
  name: 'vercel',
  sdk: null,
  example: {
    id: 'uev_2bFuEmWPXqyWu5n2xxOGvC6F',
    url: 'https://receiver.example/webhooks/vercel',
    body: utf8('{"id":"uev_2bFuEmWPXqyWu5n2xxOGvC6F","type":"deployment.succeeded","createdAt":1714557600000,"payload":{"deployment":{"id":"dpl_89m3","name":"café ✓"}}}'),
  },
  keys: () => sameKey(randomSecret('', 12, 'base64url')),
  reference: { sign: bodyHmacSigner({ header: 'x-vercel-signature', algorithm: 'sha1', encoding: 'hex' }) },
  signatureFormat: { header: 'x-vercel-signature', pattern: /^[0-9a-f]{40}$/ },
  tampers: [bodyByte()],
  vectors: [],
};
