// A shipping vendor with shipment.* and user.* events (seed 004). Its guide shows a `signature`
// member inside the JSON, but what it sends is a hex HMAC-SHA256 of the raw body in the
// `X-Webhook-Signature` header, keyed by the secret's UTF-8 bytes.
// Envelope: { "event": "shipment.created", "data": { "id": "ship_123", ... }, "timestamp": "..." }.
import { createVerifier, defineSender, type Verifier } from 'hookverify';

export const shipping = defineSender({
  name: 'shipping',
  signature: { header: 'x-webhook-signature', encoding: 'hex' },
  signedContent: '{body}',
  secretEncoding: 'utf8',
  timestamp: { bodyField: 'timestamp', format: 'rfc3339' },
  // `data.id` names the shipment, not the event: shipment.created and shipment.updated share it,
  // so it cannot be the dedupe id. The body has no event id; a digest of the raw bytes is the
  // same on every retry of one delivery and differs between deliveries.
  id: { bodyDigest: 'sha256' },
  // "Several retries with exponential backoff": the guide gives no bound, a day is an assumption.
  retryHorizon: '1d',
});

/** The window spans the retry horizon, since retries re-send the same signed `timestamp`. */
export function createShippingVerifier(secret = process.env.SHIPPING_WEBHOOK_SECRET): Verifier {
  return createVerifier(shipping, { secret, tolerance: '1d' });
}
