// The shape every vendor oracle has. An oracle pairs a reference signer, written from the
// vendor's documented algorithm with node:crypto alone, with the vendor's own SDK where one
// exists, so that oracles.test.ts can prove the reference is exactly the vendor's scheme: the SDK
// accepts what the reference signs, signs what the reference signs, and refuses a tampered copy.
// The hookverify sender definitions of issue #12 are then checked against the references.
import { createHmac, createPrivateKey, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** One delivery as the sender puts it on the wire. Header names are lower-case. */
export interface SignedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** Everything a scheme may sign; each oracle reads the parts its scheme uses. */
export interface SignInput {
  /** The signing key as the vendor hands it out (an HMAC secret, or a private key from `keys()`). */
  key: string;
  /** The payload; schemes that carry their signature or timestamp in the body wrap or extend it. */
  body: Uint8Array;
  /** Unix seconds; each scheme writes it in its own unit, format and place. */
  timestamp: number;
  /** The delivery id (a message id, a Mailgun token), for schemes that sign or send one. */
  id: string;
  /** The URL the delivery is posted to; Twilio, Square and HubSpot sign it. */
  url: string;
}

/** The two halves of a key: identical strings for HMAC schemes. */
export interface KeyPair {
  signingKey: string;
  verifyingKey: string;
}

/** One change to a signed delivery, and whether the vendor's verifier must refuse it. */
export interface Tamper {
  what: string;
  apply(request: SignedRequest): SignedRequest;
  /** False where the scheme leaves that part unsigned (Mailgun's event data). */
  refused: boolean;
}

/** A worked example the vendor (or its SDK's own test suite) publishes. */
export interface Vector {
  /** Where it is published, precisely enough to find it again. */
  source: string;
  input: SignInput;
  /** The header that carries the published signature, and its published value. */
  header: string;
  value: string;
  verifyingKey: string;
  /** False for ECDSA, whose signatures are randomised: the reference cannot reproduce them. */
  reproducible: boolean;
}

/** A verifier that is not the vendor's but implements the same algorithm byte for byte. */
export interface CrossCheck {
  /** The package and the function, and why its algorithm is the vendor's. */
  by: string;
  verify(request: SignedRequest, verifyingKey: string): Promise<boolean>;
}

export interface Oracle {
  name: string;
  /** The SDK and version whose functions `sign` and `verify` call, or null. */
  sdk: string | null;
  /** A delivery in the vendor's shape: the body kind its receivers get. */
  example: Omit<SignInput, 'key' | 'timestamp'>;
  /** A fresh key in the vendor's own encoding. */
  keys(): KeyPair;
  reference: { sign(input: SignInput): SignedRequest };
  /** The same delivery with the signature the SDK computes, where the SDK can sign. */
  sign?(input: SignInput): Promise<SignedRequest>;
  /** The SDK's own verify function; the caller sets the clock (the SDKs read Date.now()). */
  verify?(request: SignedRequest, verifyingKey: string): Promise<boolean>;
  crossCheck?: CrossCheck;
  /**
   * How far the SDK's verify lets the signed time lag behind the clock (past) or run ahead of it
   * (future), in seconds, read from its source; null where it does not look.
   */
  replayWindow?: { past: number | null; future: number | null };
  /** The documented form of the signature header, checked where nothing else can check it. */
  signatureFormat?: { header: string; pattern: RegExp };
  tampers: Tamper[];
  vectors: Vector[];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

export function text(body: Uint8Array): string {
  return decoder.decode(body);
}

export function concat(...parts: (string | Uint8Array)[]): Uint8Array {
  const bytes = parts.map((part) => (typeof part === 'string' ? utf8(part) : part));
  const out = new Uint8Array(bytes.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of bytes) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** An HMAC over the concatenated parts, keyed with the given bytes or a string's UTF-8. */
export function hmac(
  algorithm: 'sha1' | 'sha256',
  key: string | Uint8Array,
  parts: (string | Uint8Array)[],
  encoding: 'hex' | 'base64',
): string {
  return createHmac(algorithm, key).update(concat(...parts)).digest(encoding);
}

/** A random HMAC secret of `bytes` bytes, written as the vendor writes its secrets. */
export function randomSecret(prefix = '', bytes = 24, encoding: 'hex' | 'base64url' | 'base64' = 'hex'): string {
  return prefix + randomBytes(bytes).toString(encoding);
}

export function sameKey(secret: string): KeyPair {
  return { signingKey: secret, verifyingKey: secret };
}

export function header(request: SignedRequest, name: string): string {
  const value = request.headers[name];
  if (value === undefined) throw new Error(`the request has no ${name} header`);
  return value;
}

export function withHeader(request: SignedRequest, name: string, value: string): SignedRequest {
  return { ...request, headers: { ...request.headers, [name]: value } };
}

/** A verify that resolves to false where the SDK throws, which is how most of them refuse. */
export async function accepts(check: () => unknown): Promise<boolean> {
  try {
    const outcome = await check();
    return outcome !== false;
  } catch {
    return false;
  }
}

// One byte changed, kept printable and (for JSON and form bodies) syntactically valid, so a
// refusal is the signature's doing and not a parse error: the last lower-case letter moves by one.
function bumpLastLetter(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  for (let index = out.length - 1; index >= 0; index -= 1) {
    const byte = out[index]!;
    if (byte >= 0x61 && byte <= 0x7a) {
      out[index] = byte === 0x7a ? 0x79 : byte + 1;
      return out;
    }
  }
  throw new Error('nothing to tamper with: no lower-case letter');
}

// A digit moves by one, so a timestamp stays inside every replay window.
function bumpLastCharacter(value: string): string {
  const last = value.at(-1)!;
  const next = /\d/.test(last) ? String((Number(last) + 1) % 10) : last === 'a' ? 'b' : 'a';
  return value.slice(0, -1) + next;
}

export function bodyByte(refused = true): Tamper {
  return { what: 'one byte of the body', refused, apply: (request) => ({ ...request, body: bumpLastLetter(request.body) }) };
}

export function headerByte(name: string): Tamper {
  return {
    what: `one character of ${name}`,
    refused: true,
    apply: (request) => withHeader(request, name, bumpLastCharacter(header(request, name))),
  };
}

export function urlByte(): Tamper {
  return {
    what: 'one character of the URL path',
    refused: true,
    apply: (request) => {
      const url = new URL(request.url);
      url.pathname = bumpLastCharacter(url.pathname);
      return { ...request, url: url.toString() };
    },
  };
}

/** The URL a scheme that does not sign it is posted to, when the input does not say. */
export function receiverUrl(vendor: string): string {
  return `https://receiver.example/webhooks/${vendor}`;
}

/** `name@version` of the installed SDK, read from its package.json (some export maps hide it). */
export function installed(name: string): string {
  const manifest = new URL(`../../node_modules/${name}/package.json`, import.meta.url);
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return `${name}@${version}`;
}

// PKCS #8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410), so a seed can be signed with.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** A fresh Ed25519 key pair as raw bytes: the 32-byte seed and the 32-byte public key. */
export function ed25519Keys(): { seed: Buffer; publicKey: Buffer } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    seed: Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url'),
    publicKey: Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url'),
  };
}

export function ed25519Sign(seed: Uint8Array, message: Uint8Array): Buffer {
  const key = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  return sign(null, message, key);
}

/** One second later in a `<param>=<unix>` timestamp that travels inside the signature header. */
export function timestampParam(name: string, param: string): Tamper {
  return {
    what: `the ${param}= timestamp in ${name}, one second later`,
    refused: true,
    apply: (request) => {
      const later = header(request, name).replace(new RegExp(`\\b${param}=(\\d+)`), (_match, seconds: string) => `${param}=${Number(seconds) + 1}`);
      return withHeader(request, name, later);
    },
  };
}

/** The commonest scheme: one header carrying `<prefix><digest>` of an HMAC over the raw body. */
export function bodyHmacSigner(scheme: {
  header: string;
  algorithm: 'sha1' | 'sha256';
  encoding: 'hex' | 'base64';
  prefix?: string;
  /** The unsigned headers the vendor sends beside it (ids, event types). */
  headers?: (input: SignInput) => Record<string, string>;
}): (input: SignInput) => SignedRequest {
  return (input) =>
    post(input, { ...scheme.headers?.(input), [scheme.header]: (scheme.prefix ?? '') + hmac(scheme.algorithm, input.key, [input.body], scheme.encoding) });
}

/** A POST of the input's body to its URL; JSON unless the headers say otherwise. */
export function post(input: SignInput, headers: Record<string, string>, body: Uint8Array = input.body): SignedRequest {
  return { method: 'POST', url: input.url, headers: { 'content-type': 'application/json', ...headers }, body };
}
