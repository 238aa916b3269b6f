// Calendly (API v2 webhook subscriptions): `Calendly-Webhook-Signature: t=<unix>,v1=<hex>` over
// `<t>.<body>`, keyed with the subscription's signing key (UTF-8): Stripe's scheme, renamed.
import { bodyByte, hmac, randomSecret, post, sameKey, timestampParam, utf8, type Oracle } from './oracle.js';
import { stripeShapedTwin } from './twins.js';

export const calendlyOracle: Oracle = {
  name: 'calendly',
  sdk: null,
  example: {
    id: 'unused',
    url: 'https://receiver.example/webhooks/calendly',
    body: utf8('{"created_at":"2024-05-01T10:00:00.000000Z","created_by":"https://api.calendly.com/users/AAAAAAAAAAAAAAAA","event":"invitee.created","payload":{"name":"café ✓","email":"test@example.com"}}'),
  },
  keys: () => sameKey(randomSecret('', 32, 'base64url')),
  reference: {
    sign: (input) =>
      post(input, {
        'content-type': 'application/json; charset=utf-8',
        'calendly-webhook-signature': `t=${input.timestamp},v1=${hmac('sha256', input.key, [`${input.timestamp}.`, input.body], 'hex')}`,
      }),
  },
  crossCheck: stripeShapedTwin('calendly-webhook-signature'),
  tampers: [bodyByte(), timestampParam('calendly-webhook-signature', 't')],
  vectors: [],
};
