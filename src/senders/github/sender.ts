import { trustedHmac } from '../../core/scheme/algorithms/hmac.js';
import { assembleSender } from '../../core/scheme/assemble-sender.js';
import { hex } from '../../core/scheme/encodings/hex.js';
import { bodyDigest } from '../../core/scheme/ids/body-digest.js';
import { utf8Secret } from '../../core/scheme/keys/utf8-secret.js';
import { trustedSignatureHeader } from '../../core/scheme/signatures/signature-header.js';
import { body } from '../../core/scheme/sources/body.js';
import { trustedHeader } from '../../core/scheme/sources/header.js';

/**
 * GitHub (docs.github.com, "Validating webhook deliveries"): `X-Hub-Signature-256` carries
 * `sha256=<hex>`, an HMAC-SHA256 of the raw body keyed by the secret's UTF-8 bytes. Nothing else
 * is signed, which decides the rest:
 *
 * - no signed timestamp, so nothing bounds a replay in time: deliveries are `replayable`, and must
 *   be received with dedupe;
 * - `X-GitHub-Delivery` is unsigned, so anyone replaying a delivery could give it a new GUID each
 *   time: the dedupe id is the SHA-256 of the body, which a replay cannot change;
 * - `X-GitHub-Event` is unsigned too: it is the event type, accepted knowing that a replay could
 *   relabel an authentic payload (a typed catalog still checks the payload against that event).
 *
 * Redeliveries are possible for 3 days.
 *
 * @example
 * ```ts
 * import { github } from 'hookverify/github';
 * import { createVerifier } from 'hookverify';
 *
 * const verifier = createVerifier(github, { secret: process.env.GITHUB_WEBHOOK_SECRET });
 * console.log(github.replayProtection); // "none": receive it with dedupe
 * ```
 */
export const github = /* @__PURE__ */ assembleSender({
  name: 'github',
  signatures: trustedSignatureHeader({ header: 'x-hub-signature-256', prefix: 'sha256=', encoding: hex }),
  signed: [body],
  algorithm: trustedHmac('sha256', utf8Secret),
  id: bodyDigest,
  eventType: { source: trustedHeader('x-github-event'), unsignedAllowsRelabeling: true },
  retryHorizon: '3d',
});
