// Typeform: `Typeform-Signature: sha256=<base64>` over the raw body, keyed with the webhook's
// secret (UTF-8). Note the base64 digest behind a `sha256=` prefix, unlike GitHub's hex.
import { bodyByte, bodyHmacSigner, randomSecret, sameKey, utf8, type Oracle } from './oracle.js';
import { base64Sha256Twin } from './twins.js';

export const typeformOracle: Oracle = {
  name: 'typeform',
  sdk: null,
  example: {
    id: '01HB6T0V8N2Q5J3R1W2X4Y6Z7A',
    url: 'https://receiver.example/webhooks/typeform',
    body: utf8('{"event_id":"01HB6T0V8N2Q5J3R1W2X4Y6Z7A","event_type":"form_response","form_response":{"form_id":"lT4Z3j","token":"a3a12ec67a1365927098a606107fac15","answers":[{"type":"text","text":"café ✓"}]}}'),
  },
  keys: () => sameKey(randomSecret('', 16)),
  reference: { sign: bodyHmacSigner({ header: 'typeform-signature', algorithm: 'sha256', encoding: 'base64', prefix: 'sha256=' }) },
  crossCheck: base64Sha256Twin('typeform-signature', 'sha256='),
  tampers: [bodyByte()],
  vectors: [],
};
