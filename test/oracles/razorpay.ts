// Razorpay: `X-Razorpay-Signature: <hex HMAC-SHA256>` over the raw body, keyed with the webhook
// secret (UTF-8). `x-razorpay-event-id` names the event and is not signed.
import Razorpay from 'razorpay';
import { accepts, bodyByte, bodyHmacSigner, installed, randomSecret, sameKey, text, utf8, type Oracle } from './oracle.js';

export const razorpayOracle: Oracle = {
  name: 'razorpay',
  sdk: installed('razorpay'),
  example: {
    id: 'KVYk4aJxUBtFM7',
    url: 'https://receiver.example/webhooks/razorpay',
    body: utf8('{"entity":"event","account_id":"acc_BFQ7uQEaa7j2z7","event":"payment.captured","contains":["payment"],"payload":{"payment":{"entity":{"id":"pay_DESlfW9H8K9uqM","description":"café ✓"}}},"created_at":1567674606}'),
  },
  keys: () => sameKey(randomSecret('', 12, 'base64url')),
  reference: {
    sign: bodyHmacSigner({ header: 'x-razorpay-signature', algorithm: 'sha256', encoding: 'hex', headers: (input) => ({ 'x-razorpay-event-id': input.id }) }),
  },
  verify: (delivery, secret) =>
    accepts(() => Razorpay.validateWebhookSignature(text(delivery.body), delivery.headers['x-razorpay-signature'] ?? '', secret)),
  tampers: [bodyByte()],
  vectors: [],
};
