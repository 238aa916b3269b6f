import { defineSender } from '../../core/sender.js';

/**
 * Peridio, as it really signs (see docs/senders/peridio.md): `peridio-signature` carries one or,
 * while a secret is rolled, two comma-separated upper-case hex HMAC-SHA256 signatures over the
 * `peridio-published-at` value immediately followed by the raw body; the key is the
 * hex-decoded 32-character secret. Deliveries are retried for up to 3 days.
 *
 * @example
 * ```ts
 * import { peridio } from 'hookverify/peridio';
 * import { createVerifier } from 'hookverify';
 *
 * const verifier = createVerifier(peridio, { secret: process.env.PERIDIO_WEBHOOK_SECRET });
 * ```
 */
export const peridio = defineSender({
  name: 'peridio',
  signature: { header: 'peridio-signature', encoding: 'hex', separator: ',', hexCase: 'upper' },
  signedContent: '{peridio-published-at}{body}',
  secretEncoding: 'hex',
  timestamp: { header: 'peridio-published-at', format: 'rfc3339' },
  id: { bodyField: 'prn' },
  retryHorizon: '3d',
});
