import type { CryptoBackend } from '../crypto/backend.js';
import { defaultCryptoBackend } from '../crypto/default.js';
import { concat } from '../crypto/concat.js';
import { toBodyData } from '../core/body.js';
import { encodeBase64, encodeHex } from '../core/encoding.js';
import { ConfigurationError } from '../core/errors.js';
import type { Sender } from '../core/scheme/compose-sender.js';
import type { SignedPart, ValueSource } from '../core/scheme/types.js';
import { decodeSecrets, type SecretInput } from '../core/secrets.js';
import { formatTimestamp } from '../core/timestamps.js';
import { p1363ToDer } from './ecdsa-der.js';
import { importPrivateKey, signWithPrivateKey, type PrivateKeyInput } from './signing-keys.js';

/**
 * Options of {@link signDelivery}.
 *
 * @example
 * ```ts
 * import { signDelivery, type SignDeliveryOptions } from 'hookverify/testing';
 * import { standardWebhooks } from 'hookverify/standard-webhooks';
 *
 * const options: SignDeliveryOptions = { secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', body: { type: 'ping' }, id: 'msg_1', timestamp: new Date() };
 * const signed = await signDelivery(standardWebhooks, options);
 * ```
 */
export interface SignDeliveryOptions {
  /** The secret to sign with, or for a public-key sender the private key. Give either `secret` or `secrets`. */
  readonly secret?: SecretInput | PrivateKeyInput;
  /** Several secrets or private keys: one signature each, as a sender does while a key is rolled. */
  readonly secrets?: readonly (SecretInput | PrivateKeyInput)[];
  /**
   * The body: a string or bytes are sent as they are; anything else as compact JSON. A sender
   * that signs body fields (Mailgun) needs an object, into which the signer writes them.
   */
  readonly body: unknown;
  /** The signing time for senders that send one. Default: now. */
  readonly timestamp?: Date | number;
  /** The id for senders that send one outside the body. Default: a random `msg_...` id. */
  readonly id?: string;
  /** The event type, for senders that name it in a header (GitHub's `x-github-event`). */
  readonly eventType?: string;
  /** The URL the delivery is sent to, for senders that sign it. */
  readonly url?: string;
  /** The request method, for senders that sign it. Default `POST`. */
  readonly method?: string;
  /** Extra headers to send along, e.g. `content-type`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Crypto implementation for HMAC senders. Default: node:crypto where available, else Web Crypto. */
  readonly backend?: CryptoBackend;
}

/**
 * A signed delivery, ready to send: the exact body and the headers a sender would add (and the
 * URL, for senders that sign it).
 *
 * @example
 * ```ts
 * import { signDelivery, type SignedDelivery } from 'hookverify/testing';
 * import { peridio } from 'hookverify/peridio';
 *
 * const signed: SignedDelivery = await signDelivery(peridio, { secret, body: event });
 * await fetch('http://127.0.0.1:3000/webhooks/peridio', { method: 'POST', body: signed.body, headers: signed.headers });
 * ```
 */
export interface SignedDelivery {
  /** Bytes are backed by an `ArrayBuffer`, so the body can go straight into `fetch`. */
  readonly body: string | Uint8Array<ArrayBuffer>;
  readonly headers: Record<string, string>;
  /** The URL to post to, when the sender signs one: for Twilio's JSON bodies, with `bodySHA256` added. */
  readonly url?: string;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  json: 'application/json',
  form: 'application/x-www-form-urlencoded',
  text: 'text/plain; charset=utf-8',
  bytes: 'application/octet-stream',
};

function randomId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return `msg_${encodeHex(bytes)}`;
}

function refuse(message: string): never {
  throw new ConfigurationError('invalid_option', message);
}

function bodyOf(options: SignDeliveryOptions): string | Uint8Array<ArrayBuffer> {
  // An ArrayBuffer is bytes too: JSON.stringify would turn it into "{}".
  const data = toBodyData(options.body);
  if (data === undefined) {
    let json: string | undefined;
    try {
      json = JSON.stringify(options.body) as string | undefined;
    } catch (cause) {
      // A BigInt or a cycle.
      throw new ConfigurationError('invalid_option', 'signDelivery could not write the body as JSON; pass a string or bytes', { cause });
    }
    // undefined, a function or a symbol: JSON has no text for them, and hashing nothing fails deep in crypto.
    if (json === undefined) refuse('signDelivery needs a body: a string ("" for an empty one), bytes, or a JSON value');
    return json;
  }
  return typeof data === 'string' || data.buffer instanceof ArrayBuffer ? (data as string | Uint8Array<ArrayBuffer>) : new Uint8Array(data);
}

/** Sets a dot path in a JSON object, creating objects on the way. */
function setPath(target: Record<string, unknown>, keys: readonly string[], value: string): void {
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    node = next !== null && typeof next === 'object' ? (next as Record<string, unknown>) : (node[key] = {});
  }
  node[keys[keys.length - 1]!] = value;
}

function getPath(target: unknown, keys: readonly string[]): unknown {
  return keys.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), target);
}

/** What the signer writes where: headers, parameters of the signature header, body fields. */
class Outgoing {
  readonly headers: Record<string, string>;
  readonly parameters = new Map<string, string>();
  fields: Record<string, unknown> | undefined;

  constructor(headers: Record<string, string>) {
    this.headers = headers;
  }

  write(source: ValueSource, value: string): void {
    if (source.kind === 'header') this.headers[source.name] = value;
    else if (source.kind === 'parameter') this.parameters.set(source.name, value);
    else if (source.kind === 'body-field' && this.fields) setPath(this.fields, source.keys, value);
  }

  read(source: ValueSource, options: SignDeliveryOptions): string | undefined {
    switch (source.kind) {
      case 'header':
        return this.headers[source.name];
      case 'parameter':
        return this.parameters.get(source.name);
      case 'body-field': {
        const value = getPath(this.fields, source.keys);
        return typeof value === 'string' ? value : undefined;
      }
      case 'url':
        return options.url;
      case 'method':
        return (options.method ?? 'POST').toUpperCase();
    }
  }
}

async function signatureBytes(
  sender: Sender,
  secrets: readonly (SecretInput | PrivateKeyInput)[],
  content: readonly (string | Uint8Array)[],
  backend: CryptoBackend,
): Promise<Uint8Array[]> {
  const algorithm = sender.algorithm;
  const out: Uint8Array[] = [];
  if (algorithm.kind === 'hmac') {
    for (const secret of decodeSecrets(secrets as SecretInput[], algorithm.key)) {
      const hash = (algorithm as { hash?: 'sha1' | 'sha256' | 'sha512' }).hash ?? 'sha256';
      const key = await backend.importHmacKey(secret.key, hash);
      out.push(await (hash === 'sha256' ? backend.hmacSha256(key, content) : backend.hmac!(hash, key, content)));
    }
    return out;
  }
  const der = (algorithm as { signatureFormat?: string }).signatureFormat === 'der';
  for (const secret of secrets) {
    const key = await importPrivateKey(algorithm, secret as PrivateKeyInput);
    const signature = await signWithPrivateKey(algorithm, key, concat(content));
    out.push(der ? p1363ToDer(signature) : signature);
  }
  return out;
}

/**
 * Signs a delivery the way the sender does, for testing a receiving endpoint: every shape a
 * verifier checks (a signature header, parameters of one, a body field; HMAC with a secret,
 * Ed25519 or ECDSA with a private key).
 *
 * @example
 * ```ts
 * import { peridio } from 'hookverify/peridio';
 * import { signDelivery } from 'hookverify/testing';
 *
 * const { body, headers } = await signDelivery(peridio, {
 *   secret: '0123456789ABCDEF0123456789ABCDEF',
 *   body: { version: 1, prn: 'prn:1:...:event:...', type: 'webhook', inserted_at: '...', data: { type: 'test_fire', data: {} } },
 * });
 * await fetch('http://127.0.0.1:3000/webhooks/peridio', { method: 'POST', body, headers });
 * ```
 */
export async function signDelivery(sender: Sender, options: SignDeliveryOptions): Promise<SignedDelivery> {
  if (options === null || typeof options !== 'object') refuse('signDelivery needs options: { secret, body }');
  const backend = options.backend ?? defaultCryptoBackend();
  if (options.secret !== undefined && options.secrets !== undefined) refuse('give either `secret` or `secrets`, not both');
  const secrets = options.secrets ?? (options.secret === undefined ? [] : [options.secret]);
  if (secrets.length === 0) throw new ConfigurationError('invalid_secret', 'no secret was given; pass `secret`');

  const headers: Record<string, string> = { 'content-type': CONTENT_TYPES[sender.body.name] ?? 'application/json' };
  // Lower-case, as sources' header names are: header('X-Nonce') must find `x-nonce`.
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
  const out = new Outgoing(headers);
  // Body fields signed on their own are the signer's to write; a body read whole before the
  // signature is checked (Twilio's form) is the caller's.
  const writesFields = sender.readsBodyFirst && !sender.signedParts.some((piece) => piece.kind === 'body-binding');
  if (writesFields) {
    const fields = typeof options.body === 'string' ? (JSON.parse(options.body) as unknown) : options.body;
    if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) refuse(`${sender.name} signs fields of a JSON body: pass the body as an object`);
    out.fields = structuredClone(fields) as Record<string, unknown>;
  }

  const timestamp = sender.timestamp;
  if (timestamp) {
    const at = options.timestamp === undefined ? Date.now() : Number(options.timestamp);
    // A timestamp in a body signed whole is the caller's to write; any other the signer writes.
    if (timestamp.source.kind !== 'body-field' || writesFields) out.write(timestamp.source, formatTimestamp(at, timestamp.format));
  }
  const id = sender.id;
  if (id !== undefined && 'bind' in id && (id.kind !== 'body-field' || writesFields)) out.write(id, options.id ?? randomId());
  const eventType = sender.eventType;
  if (eventType !== undefined && options.eventType !== undefined) out.write(eventType, options.eventType);

  const body = out.fields ? JSON.stringify(out.fields) : bodyOf(options);
  // A piece derived from the body (Twilio's) may also say which URL the delivery goes to.
  let url = options.url;
  const content: (string | Uint8Array)[] = [];
  for (const piece of sender.signedParts as readonly SignedPart[]) {
    if (piece.kind === 'body') content.push(body);
    else if (piece.kind === 'literal') content.push(piece.text);
    else if (piece.kind === 'body-binding') {
      const derived = await piece.signedValue({ body, url: options.url, bodyKind: sender.body, backend });
      if (derived.url !== undefined) url = derived.url;
      content.push(derived.value);
    } else {
      const value = out.read(piece, options);
      if (value === undefined) {
        const where = piece.kind === 'url' ? 'pass it in url' : piece.kind === 'header' ? 'pass it in headers' : piece.kind === 'body-field' ? 'put it in the body' : 'the signer writes only the timestamp, id and event type';
        refuse(`signDelivery needs a value for ${piece.label}: ${where}`);
      }
      content.push(value);
    }
  }

  const signature = sender.signature;
  const single = signature.kind === 'body-field' || (signature.kind === 'header' && signature.separator === undefined);
  if (secrets.length > 1 && single) refuse(`${sender.name} sends a single signature; pass one secret`);
  const hexCase = signature.kind === 'header' ? signature.hexCase : 'lower';
  const texts = (await signatureBytes(sender, secrets, content, backend)).map((bytes) =>
    signature.encoding.name === 'hex' ? encodeHex(bytes, hexCase) : encodeBase64(bytes),
  );

  let signedBody = body;
  if (signature.kind === 'header') {
    headers[signature.header] = texts.map((text) => `${signature.prefix ?? ''}${text}`).join(signature.separator ?? '');
  } else if (signature.kind === 'header-parameters') {
    const pairs = [...out.parameters].map(([name, value]) => `${name}${signature.kvSeparator}${value}`);
    for (const text of texts) pairs.push(`${signature.signatureParameter}${signature.kvSeparator}${text}`);
    headers[signature.header] = pairs.join(signature.pairSeparator);
  } else {
    setPath(out.fields!, signature.path.split('.'), texts[0]!);
    signedBody = JSON.stringify(out.fields);
  }
  return url === undefined ? { body: signedBody, headers } : { body: signedBody, headers, url };
}
