import { encodeBase64, encodeHex } from '../core/encoding.js';
import { ConfigurationError } from '../core/errors.js';
import type { Sender } from '../core/scheme/compose-sender.js';
import type { Algorithm } from '../core/scheme/types.js';

type PublicKeyKind = 'ed25519' | 'ecdsa-p256';

/**
 * A private key for {@link signDelivery}: PKCS#8 as PEM text or DER bytes, a Standard Webhooks
 * `whsk_…` key, or a Web Crypto `CryptoKey` able to sign.
 *
 * @example
 * ```ts
 * import { generateSigningKeys, type PrivateKeyInput } from 'hookverify/testing';
 * import { standardWebhooksV1a } from 'hookverify/standard-webhooks';
 *
 * const { privateKey } = await generateSigningKeys(standardWebhooksV1a);
 * const key: PrivateKeyInput = privateKey;
 * ```
 */
export type PrivateKeyInput = string | Uint8Array | CryptoKey;

/**
 * A key pair for a public-key sender: the private key the test signer signs with, and the public
 * key in the form the sender's verifiers take (`whpk_…`, hex, or base64 SPKI).
 *
 * @example
 * ```ts
 * import { generateSigningKeys, signDelivery, type SigningKeys } from 'hookverify/testing';
 * import { createVerifier } from 'hookverify';
 * import { standardWebhooksV1a } from 'hookverify/standard-webhooks';
 *
 * const keys: SigningKeys = await generateSigningKeys(standardWebhooksV1a);
 * const signed = await signDelivery(standardWebhooksV1a, { secret: keys.privateKey, body: { type: 'ping' } });
 * await createVerifier(standardWebhooksV1a, { secret: keys.publicKey }).verify(signed);
 * ```
 */
export interface SigningKeys {
  /** In the sender's own form where it has one (`whsk_…` for Standard Webhooks), else PKCS#8 as PEM. */
  readonly privateKey: string;
  readonly publicKey: string;
}

function subtle(): SubtleCrypto {
  const api = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (!api) throw new ConfigurationError('invalid_option', 'signing with a private key needs Web Crypto (crypto.subtle)');
  return api;
}

function publicKind(algorithm: Algorithm): PublicKeyKind {
  if (algorithm.kind === 'hmac') throw new ConfigurationError('invalid_option', `${algorithm.label} signs with a shared secret, not a key pair`);
  return algorithm.kind;
}

const params = (kind: PublicKeyKind) => (kind === 'ed25519' ? { name: 'Ed25519' } : { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' });

function pem(der: Uint8Array): string {
  const text = encodeBase64(der).replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN PRIVATE KEY-----\n${text}-----END PRIVATE KEY-----\n`;
}

// PKCS#8 header of an Ed25519 private key (RFC 8410): the 32-byte seed follows.
const ED25519_PKCS8 = [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20];

/** A Standard Webhooks `whsk_` key (base64 of the 32-byte seed, or libsodium's 64 bytes, seed first) as PKCS#8. */
function whskToPkcs8(text: string): Uint8Array {
  const raw = Uint8Array.from(atob(text.slice(5)), (c) => c.charCodeAt(0));
  if (raw.byteLength !== 32 && raw.byteLength !== 64) throw new ConfigurationError('invalid_secret', 'a whsk_ key must be the base64 of a 32-byte Ed25519 seed');
  return Uint8Array.from([...ED25519_PKCS8, ...raw.subarray(0, 32)]);
}

function unpem(text: string): Uint8Array {
  const bytes = Uint8Array.from(atob(text.replace(/-----(BEGIN|END) PRIVATE KEY-----|\s+/g, '')), (c) => c.charCodeAt(0));
  if (bytes.byteLength === 0) throw new ConfigurationError('invalid_secret', 'the private key is not PKCS#8 PEM or DER');
  return bytes;
}

/** Imports a private key once, for signing. */
export async function importPrivateKey(algorithm: Algorithm, key: PrivateKeyInput): Promise<CryptoKey> {
  const kind = publicKind(algorithm);
  if (typeof key === 'object' && !(key instanceof Uint8Array)) return key;
  const der = typeof key !== 'string' ? key : key.startsWith('whsk_') ? whskToPkcs8(key) : unpem(key);
  try {
    return await subtle().importKey('pkcs8', der as BufferSource, params(kind), false, ['sign']);
  } catch (cause) {
    throw new ConfigurationError('invalid_secret', `the private key is not a PKCS#8 ${algorithm.label} key`, { cause });
  }
}

/** The signature of `data`: Ed25519 bytes, or ECDSA `r || s`. */
export async function signWithPrivateKey(algorithm: Algorithm, key: CryptoKey, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().sign(params(publicKind(algorithm)), key, data as BufferSource));
}

/**
 * A fresh key pair for a public-key sender, for tests: sign with `privateKey`, verify with
 * `publicKey`.
 *
 * @example
 * ```ts
 * import { generateSigningKeys } from 'hookverify/testing';
 * import { standardWebhooksV1a } from 'hookverify/standard-webhooks';
 *
 * const { privateKey, publicKey } = await generateSigningKeys(standardWebhooksV1a);
 * console.log(privateKey.startsWith('whsk_'), publicKey.startsWith('whpk_')); // true true
 * ```
 */
export async function generateSigningKeys(sender: Sender): Promise<SigningKeys> {
  const algorithm = sender.algorithm;
  const kind = publicKind(algorithm);
  const pair = (await subtle().generateKey(params(kind), true, ['sign', 'verify'])) as CryptoKeyPair;
  const pkcs8 = new Uint8Array(await subtle().exportKey('pkcs8', pair.privateKey));
  const form = algorithm.key.encoding;
  const privateKey = form === 'whpk' ? `whsk_${encodeBase64(pkcs8.subarray(ED25519_PKCS8.length))}` : pem(pkcs8);
  const raw = form === 'spki' ? 'spki' : 'raw';
  const bytes = new Uint8Array(await subtle().exportKey(raw, pair.publicKey));
  const publicKey = form === 'hex' ? encodeHex(bytes) : form === 'whpk' ? `whpk_${encodeBase64(bytes)}` : encodeBase64(bytes);
  return { privateKey, publicKey };
}
