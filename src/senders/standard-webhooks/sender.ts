import { defineSender } from '../../core/sender.js';

/**
 * Standard Webhooks (standardwebhooks.com): `webhook-id`, `webhook-timestamp` (Unix seconds) and
 * `webhook-signature` (space-separated `v1,<base64>` entries) headers; the signed content is
 * `<id>.<timestamp>.<body>`; secrets are `whsec_<base64>`. Entries of other versions (`v1a,`) are
 * skipped, as the specification asks.
 *
 * @example
 * ```ts
 * import { standardWebhooks } from 'hookverify/standard-webhooks';
 * import { createVerifier } from 'hookverify';
 *
 * const verifier = createVerifier(standardWebhooks, { secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' });
 * ```
 */
export const standardWebhooks = defineSender({
  name: 'standard-webhooks',
  signature: { header: 'webhook-signature', encoding: 'base64', prefix: 'v1,', separator: ' ', skipOtherVersions: true },
  signedContent: '{webhook-id}.{webhook-timestamp}.{body}',
  secretEncoding: 'whsec',
  timestamp: { header: 'webhook-timestamp', format: 'unix-seconds' },
  id: { header: 'webhook-id' },
});
