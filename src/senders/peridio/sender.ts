import { trustedHmac } from '../../core/scheme/algorithms/hmac.js';
import { assembleSender } from '../../core/scheme/assemble-sender.js';
import { hex } from '../../core/scheme/encodings/hex.js';
import { hexSecret } from '../../core/scheme/keys/hex-secret.js';
import { trustedSignatureHeader } from '../../core/scheme/signatures/signature-header.js';
import { body } from '../../core/scheme/sources/body.js';
import { trustedBodyField } from '../../core/scheme/sources/body-field.js';
import { trustedHeader } from '../../core/scheme/sources/header.js';
import { trustedRfc3339 } from '../../core/scheme/timestamps/rfc3339.js';

const publishedAt = /* @__PURE__ */ trustedHeader('peridio-published-at');

/**
 * Peridio, as it really signs (see docs/senders/peridio.md): `peridio-signature` carries one or,
 * while a secret is rolled, two comma-separated upper-case hex HMAC-SHA256 signatures over the
 * `peridio-published-at` value immediately followed by the raw body; the key is the
 * hex-decoded 32-character secret. The signed publication time bounds replays; the event PRN in
 * the body is the dedupe id. Deliveries are retried for up to 3 days.
 *
 * @example
 * ```ts
 * import { peridio } from 'hookverify/peridio';
 * import { createVerifier } from 'hookverify';
 *
 * const verifier = createVerifier(peridio, { secret: process.env.PERIDIO_WEBHOOK_SECRET });
 * ```
 */
export const peridio = /* @__PURE__ */ assembleSender({
  name: 'peridio',
  signatures: trustedSignatureHeader({ header: 'peridio-signature', encoding: hex, separator: ',', hexCase: 'upper' }),
  signed: [publishedAt, body],
  algorithm: trustedHmac('sha256', hexSecret),
  timestamp: trustedRfc3339(publishedAt),
  id: trustedBodyField('prn'),
  retryHorizon: '3d',
});
