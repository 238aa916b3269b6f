import { trustedHmac } from '../../core/scheme/algorithms/hmac.js';
import { assembleSender } from '../../core/scheme/assemble-sender.js';
import { base64 } from '../../core/scheme/encodings/base64.js';
import { whsecSecret } from '../../core/scheme/keys/whsec-secret.js';
import { trustedSignatureHeader } from '../../core/scheme/signatures/signature-header.js';
import { body } from '../../core/scheme/sources/body.js';
import { trustedHeader } from '../../core/scheme/sources/header.js';
import { unixSeconds } from '../../core/scheme/timestamps/unix-seconds.js';

const id = /* @__PURE__ */ trustedHeader('webhook-id');
const timestamp = /* @__PURE__ */ trustedHeader('webhook-timestamp');

/**
 * Standard Webhooks (standardwebhooks.com), symmetric (`v1`): `webhook-id`, `webhook-timestamp`
 * (Unix seconds) and `webhook-signature` (space-separated `v1,<base64>` entries) headers; the
 * signed content is `<id>.<timestamp>.<body>`; secrets are `whsec_<base64>`. Entries of other
 * versions (`v1a,`) are skipped, as the specification asks: {@link standardWebhooksV1a} checks those.
 *
 * @example
 * ```ts
 * import { standardWebhooks } from 'hookverify/standard-webhooks';
 * import { createVerifier } from 'hookverify';
 *
 * const verifier = createVerifier(standardWebhooks, { secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' });
 * ```
 */
export const standardWebhooks = /* @__PURE__ */ assembleSender({
  name: 'standard-webhooks',
  signatures: trustedSignatureHeader({ header: 'webhook-signature', encoding: base64, prefix: 'v1,', separator: ' ', skipOtherVersions: true }),
  signed: [id, '.', timestamp, '.', body],
  algorithm: trustedHmac('sha256', whsecSecret),
  timestamp: unixSeconds(timestamp),
  id,
});
