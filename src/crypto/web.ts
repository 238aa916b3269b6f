import type { CryptoBackend, HmacHash } from './backend.js';
import { concat } from './concat.js';

/** Web Crypto's `crypto.subtle`, or a TypeError naming what is missing. */
export function subtle(): SubtleCrypto {
  const api = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (!api) throw new TypeError('this runtime has neither node:crypto nor Web Crypto (crypto.subtle)');
  return api;
}

/**
 * Compares every byte whatever the data, so the time taken does not depend on where two
 * digests first differ. Only equal lengths are compared; digests of one algorithm always are.
 */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  let difference = 0;
  for (let i = 0; i < a.byteLength; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}

const hashName = (hash: HmacHash = 'sha256') => `SHA-${hash.slice(3)}`;

const toBytes = (buffer: ArrayBuffer) => new Uint8Array(buffer);

// A plain promise chain rather than an async function: one frame and one microtask fewer on a
// path whose whole cost, at 1 KB, is a few of those around one sign call.
function mac(key: unknown, parts: readonly (string | Uint8Array)[]): Promise<Uint8Array> {
  return subtle().sign('HMAC', key as CryptoKey, concat(parts) as BufferSource).then(toBytes);
}

/**
 * The Web Crypto backend (`crypto.subtle`), for Next.js Edge, Cloudflare Workers, Deno, Bun
 * and browsers. Keys are imported once, non-extractable, on first use.
 *
 * @example
 * ```ts
 * import { webCryptoBackend } from 'hookverify';
 * import { createStandardWebhooksVerifier } from 'hookverify/standard-webhooks';
 *
 * const verifier = createStandardWebhooksVerifier({ secret, backend: webCryptoBackend() });
 * ```
 */
export function webCryptoBackend(): CryptoBackend {
  return {
    name: 'web',
    importHmacKey: (raw, hash) =>
      subtle().importKey('raw', raw as BufferSource, { name: 'HMAC', hash: hashName(hash) }, false, ['sign']),
    hmacSha256: mac,
    // The hash was fixed when the key was imported.
    hmac: (_hash, key, parts) => mac(key, parts),
    sha256: (data) => subtle().digest('SHA-256', concat([data]) as BufferSource).then(toBytes),
    timingSafeEqual: constantTimeEqual,
  };
}
