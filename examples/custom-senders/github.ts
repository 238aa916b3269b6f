// GitHub: `X-Hub-Signature-256: sha256=<hex>` over the raw body, keyed by the webhook secret's
// UTF-8 bytes. Nothing else is signed: `X-GitHub-Delivery` (the delivery GUID) and
// `X-GitHub-Event` are plain headers anyone can rewrite, and there is no timestamp, so there is
// no replay window either. A captured delivery can therefore be sent again at any time, with any
// delivery GUID: deduplicating on that GUID would process each such replay as new. Its body
// cannot change without breaking the signature, so dedupe on a digest of the body: a replay, a
// redelivery and a copy relabelled with another X-GitHub-Event are all the same delivery, refused
// as duplicates for as long as the dedupe store remembers it (keep it at least as long as you
// accept redeliveries).
import { createVerifier, defineSender, type Verifier } from 'hookverify';

export const github = defineSender({
  name: 'github',
  signature: { header: 'x-hub-signature-256', encoding: 'hex', prefix: 'sha256=' },
  signedContent: '{body}',
  secretEncoding: 'utf8',
  id: { bodyDigest: 'sha256' },
  // The payload does not say which event it is; the header does, unsigned. A typed catalog
  // (`eventType: { fromDelivery: true }`) still checks the payload against that event's schema.
  eventType: { header: 'x-github-event', unsignedAllowsRelabeling: true },
  // GitHub does not retry on its own; redeliveries are possible for 3 days.
  retryHorizon: '3d',
});

export function createGitHubVerifier(secret = process.env.GITHUB_WEBHOOK_SECRET): Verifier {
  return createVerifier(github, { secret });
}
