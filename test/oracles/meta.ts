// Meta (WhatsApp Cloud API, Messenger, Instagram): `X-Hub-Signature-256: sha256=<hex>` over the
// raw body, keyed with the app secret (UTF-8). Meta writes non-ASCII as \uXXXX escapes and signs
// those bytes, so a body re-serialized by JSON.stringify (which does not escape) no longer verifies.
import { bodyByte, bodyHmacSigner, randomSecret, sameKey, utf8, type Oracle } from './oracle.js';
import { prefixedHexSha256Twin } from './twins.js';

export const metaOracle: Oracle = {
  name: 'meta',
  sdk: null,
  example: {
    id: 'wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQTdCNTg5RjY1MEM1QkE',
    url: 'https://receiver.example/webhooks/whatsapp',
    body: utf8(
      '{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","messages":[{"from":"16315551181","id":"wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQTdCNTg5RjY1MEM1QkE","type":"text","text":{"body":"caf\\u00e9 \\u2713"}}]},"field":"messages"}]}]}',
    ),
  },
  keys: () => sameKey(randomSecret('', 16)),
  reference: { sign: bodyHmacSigner({ header: 'x-hub-signature-256', algorithm: 'sha256', encoding: 'hex', prefix: 'sha256=' }) },
  crossCheck: prefixedHexSha256Twin('x-hub-signature-256'),
  tampers: [bodyByte()],
  vectors: [],
};
