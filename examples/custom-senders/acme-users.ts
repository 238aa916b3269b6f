// A vendor with user.*, project.*, file.* and payment.* events (seed 003): a hex HMAC-SHA256 of
// the raw body in `X-Webhook-Signature`, keyed by the secret exactly as the dashboard shows it
// ("whsec_abc123..." included: the vendor's sample code passes the whole string to createHmac).
// Events carry an `id` ("evt_abc123") and a `created_at` time in the body.
import { createVerifier, defineSender, type Verifier } from 'hookverify';

export const acmeUsers = defineSender({
  name: 'acme-users',
  signature: { header: 'x-webhook-signature', encoding: 'hex' },
  signedContent: '{body}',
  // Not 'whsec': this vendor does not base64-decode its "whsec_" secrets.
  secretEncoding: 'utf8',
  // There is no timestamp header; `created_at` is inside the signed body, so it can be trusted
  // once the signature holds.
  timestamp: { bodyField: 'created_at', format: 'rfc3339' },
  id: { bodyField: 'id' },
  // Retries: immediate, 30 s, 5 min, 30 min, 2 h.
  retryHorizon: '3h',
});

/**
 * A retry re-sends the same body, `created_at` included, up to 2 h 35 min after the event. A
 * 5-minute window would refuse those retries, so the window covers the whole retry schedule;
 * dedupe on the event id then turns replays inside it into harmless duplicates.
 */
export function createAcmeUsersVerifier(secret = process.env.ACME_WEBHOOK_SECRET): Verifier {
  return createVerifier(acmeUsers, { secret, tolerance: '3h' });
}
