import type { CryptoBackend } from './backend.js';

const encoder = new TextEncoder();

function concat(parts: readonly (string | Uint8Array)[]): Uint8Array {
  if (parts.length === 1) {
    const only = parts[0]!;
    return typeof only === 'string' ? encoder.encode(only) : only;
  }
  const chunks = parts.map((part) => (typeof part === 'string' ? encoder.encode(part) : part));
  let length = 0;
  for (const chunk of chunks) length += chunk.byteLength;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function subtle(): SubtleCrypto {
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
    importHmacKey: (raw) =>
      subtle().importKey('raw', raw as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
    async hmacSha256(key, parts) {
      const signature = await subtle().sign('HMAC', key as CryptoKey, concat(parts) as BufferSource);
      return new Uint8Array(signature);
    },
    async sha256(data) {
      const digest = await subtle().digest('SHA-256', concat([data]) as BufferSource);
      return new Uint8Array(digest);
    },
    timingSafeEqual: constantTimeEqual,
  };
}
