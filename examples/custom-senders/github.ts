// GitHub: `X-Hub-Signature-256: sha256=<hex>` over the raw body, keyed by the webhook secret's
// UTF-8 bytes. GitHub signs nothing but the body: no timestamp, so there is no replay window, and
// its `X-GitHub-Delivery` and `X-GitHub-Event` headers are unsigned, so anyone replaying a
// captured delivery can change them. Dedupe therefore keys on the body's SHA-256, which a replay
// cannot change, and the event type is read from its header knowing it could be relabelled (the
// payload is still authentic). The built-in `hookverify/github` entry is the same scheme.
import { createVerifier, defineSender, type Verifier } from 'hookverify';

export const github = defineSender({
  name: 'github',
  signature: { header: 'x-hub-signature-256', encoding: 'hex', prefix: 'sha256=' },
  signedContent: '{body}',
  secretEncoding: 'utf8',
  id: { bodyDigest: 'sha256' },
  eventType: { header: 'x-github-event', unsignedAllowsRelabeling: true },
  // GitHub does not retry on its own; redeliveries are possible for 3 days.
  retryHorizon: '3d',
});

export function createGitHubVerifier(secret = process.env.GITHUB_WEBHOOK_SECRET): Verifier {
  return createVerifier(github, { secret });
}
