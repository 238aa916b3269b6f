import { defineSender } from '../../src/core/sender.js';

/**
 * GitHub as examples/custom-senders/github.ts defines it, built from the sources (the example
 * imports the built package): only the body is signed, so the id is its digest and the event type
 * an unsigned header accepted by name.
 */
export const githubLike = defineSender({
  name: 'github',
  signature: { header: 'x-hub-signature-256', encoding: 'hex', prefix: 'sha256=' },
  signedContent: '{body}',
  secretEncoding: 'utf8',
  id: { bodyDigest: 'sha256' },
  eventType: { header: 'X-GitHub-Event', unsignedAllowsRelabeling: true },
});
