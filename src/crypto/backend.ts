/**
 * The one seam between hookverify and a runtime's cryptography. Node uses node:crypto (about
 * 20x faster than Web Crypto on a 1 KB body, because Web Crypto pays a fixed cost per call);
 * every other runtime uses Web Crypto. Results may be synchronous so the Node path never waits.
 *
 * @example
 * ```ts
 * import { createPeridioVerifier } from 'hookverify/peridio';
 * import { webCryptoBackend } from 'hookverify';
 *
 * // Force Web Crypto, e.g. to compare both backends in a test.
 * const verifier = createPeridioVerifier({ secret, backend: webCryptoBackend() });
 * ```
 */
export interface CryptoBackend {
  /** `"node"` or `"web"`, or a name of the user's own. */
  readonly name: string;
  /** Prepares an HMAC-SHA256 key once, at setup; the result is opaque to hookverify. */
  importHmacKey(raw: Uint8Array): unknown;
  /** HMAC-SHA256 over the concatenation of `parts` (strings are UTF-8). */
  hmacSha256(key: unknown, parts: readonly (string | Uint8Array)[]): Uint8Array | Promise<Uint8Array>;
  /** SHA-256 of the data, for dedupe keys of senders that send no id. */
  sha256(data: string | Uint8Array): Uint8Array | Promise<Uint8Array>;
  /** Constant-time comparison of two byte strings of the same length. */
  timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean;
}
