import { ed25519 } from '../../core/scheme/algorithms/ed25519.js';
import { assembleSender } from '../../core/scheme/assemble-sender.js';
import { base64 } from '../../core/scheme/encodings/base64.js';
import { whpkPublicKey } from '../../core/scheme/keys/whpk-public-key.js';
import { trustedSignatureHeader } from '../../core/scheme/signatures/signature-header.js';
import { body } from '../../core/scheme/sources/body.js';
import { trustedHeader } from '../../core/scheme/sources/header.js';
import { unixSeconds } from '../../core/scheme/timestamps/unix-seconds.js';

const id = /* @__PURE__ */ trustedHeader('webhook-id');
const timestamp = /* @__PURE__ */ trustedHeader('webhook-timestamp');

/**
 * Standard Webhooks, asymmetric (`v1a`): the same headers and signed content as `v1`
 * (`<id>.<timestamp>.<body>`), signed with Ed25519; entries are `v1a,<base64 signature>`, and
 * receivers hold only the sender's public key, `whpk_<base64>`, which cannot sign. `v1` entries
 * beside them are skipped, as the specification asks.
 *
 * @example
 * ```ts
 * import { standardWebhooksV1a } from 'hookverify/standard-webhooks';
 * import { createVerifier } from 'hookverify';
 *
 * const verifier = createVerifier(standardWebhooksV1a, { secret: process.env.WEBHOOK_PUBLIC_KEY }); // "whpk_..."
 * ```
 */
export const standardWebhooksV1a = /* @__PURE__ */ assembleSender({
  name: 'standard-webhooks-v1a',
  signatures: trustedSignatureHeader({ header: 'webhook-signature', encoding: base64, prefix: 'v1a,', separator: ' ', skipOtherVersions: true }),
  signed: [id, '.', timestamp, '.', body],
  algorithm: ed25519(whpkPublicKey),
  timestamp: unixSeconds(timestamp),
  id,
});
