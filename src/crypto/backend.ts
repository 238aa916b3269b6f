/**
 * The hash functions HMAC keys are used with.
 *
 * @example
 * ```ts
 * import { hmac, utf8Secret, type HmacHash } from 'hookverify';
 *
 * const hash: HmacHash = 'sha1'; // Twilio
 * const algorithm = hmac(hash, utf8Secret);
 * ```
 */
export type HmacHash = 'sha1' | 'sha256' | 'sha512';

/**
 * The public-key signature algorithms a backend may verify.
 *
 * @example
 * ```ts
 * import type { PublicKeyAlgorithm } from 'hookverify';
 *
 * const algorithm: PublicKeyAlgorithm = 'ed25519'; // Standard Webhooks v1a, Discord
 * ```
 */
export type PublicKeyAlgorithm = 'ed25519' | 'ecdsa-p256';

/**
 * The one seam between hookverify and a runtime's cryptography. node:crypto (about 20x faster
 * than Web Crypto on a 1 KB body, because Web Crypto pays a fixed cost per call) is used
 * wherever `process.getBuiltinModule` loads it (Node, Bun, Deno, recent Workers); every other
 * runtime uses Web Crypto. Results may be synchronous so the Node path never waits.
 * A backend of your own needs the HMAC-SHA256 members; the optional ones serve senders that use
 * other hashes or public keys, and a verifier for such a sender refuses a backend without them.
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
  /** Prepares an HMAC key once, at setup, for the hash it will be used with (default SHA-256); the result is opaque to hookverify. */
  importHmacKey(raw: Uint8Array, hash?: HmacHash): unknown;
  /** HMAC-SHA256 over the concatenation of `parts` (strings are UTF-8). */
  hmacSha256(key: unknown, parts: readonly (string | Uint8Array)[]): Uint8Array | Promise<Uint8Array>;
  /** HMAC with another hash (SHA-1 for Twilio, SHA-512), over the concatenation of `parts`. */
  hmac?(hash: HmacHash, key: unknown, parts: readonly (string | Uint8Array)[]): Uint8Array | Promise<Uint8Array>;
  /** SHA-256 of the data, for dedupe keys of senders that send no id. */
  sha256(data: string | Uint8Array): Uint8Array | Promise<Uint8Array>;
  /** Constant-time comparison of two byte strings of the same length. */
  timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean;
  /** Prepares a public key, given as a DER SubjectPublicKeyInfo, once. */
  importPublicKey?(algorithm: PublicKeyAlgorithm, spki: Uint8Array): unknown;
  /**
   * Whether `signature` signs the concatenation of `parts` under the key: Ed25519 (64 bytes), or
   * ECDSA P-256 with SHA-256 as `r || s` (64 bytes, IEEE P1363; hookverify converts DER first).
   */
  verifySignature?(
    algorithm: PublicKeyAlgorithm,
    key: unknown,
    parts: readonly (string | Uint8Array)[],
    signature: Uint8Array,
  ): boolean | Promise<boolean>;
}
