// GitHub: `X-Hub-Signature-256: sha256=<hex>` over the raw body, keyed by the webhook secret's
// UTF-8 bytes; `X-GitHub-Delivery` is a GUID that a redelivery keeps, so it is the dedupe id.
// GitHub sends no signed timestamp, so there is no replay window: dedupe on the delivery id is
// what refuses a replayed delivery (keep ids at least as long as you accept redeliveries).
import { createVerifier, defineSender, type Verifier } from 'hookverify';

export const github = defineSender({
  name: 'github',
  signature: { header: 'x-hub-signature-256', encoding: 'hex', prefix: 'sha256=' },
  signedContent: '{body}',
  secretEncoding: 'utf8',
  id: { header: 'x-github-delivery' },
  // GitHub does not retry on its own; redeliveries are possible for 3 days.
  retryHorizon: '3d',
});

export function createGitHubVerifier(secret = process.env.GITHUB_WEBHOOK_SECRET): Verifier {
  return createVerifier(github, { secret });
}
