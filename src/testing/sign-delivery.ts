import type { CryptoBackend } from '../crypto/backend.js';
import { defaultCryptoBackend } from '../crypto/default.js';
import { toBodyData } from '../core/body.js';
import { encodeBase64, encodeHex } from '../core/encoding.js';
import { ConfigurationError } from '../core/errors.js';
import { decodeSecrets, type SecretInput } from '../core/secrets.js';
import type { Sender } from '../core/sender.js';
import { formatTimestamp } from '../core/timestamps.js';

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
  /** The secret to sign with. Give either `secret` or `secrets`. */
  readonly secret?: SecretInput;
  /** Several secrets: one signature each, as a sender does while a secret is rolled. */
  readonly secrets?: readonly SecretInput[];
  /**
   * The body: a string or bytes are sent as they are (`""` for an empty body); anything else as
   * compact JSON. Required: a delivery without one is a mistake in the test.
   */
  readonly body: unknown;
  /** The signing time for senders with a timestamp header. Default: now. */
  readonly timestamp?: Date | number;
  /** The id header value for senders that send one. Default: a random `msg_...` id. */
  readonly id?: string;
  /** The event-type header value, for senders that name the event type in a header (GitHub's `x-github-event`). */
  readonly eventType?: string;
  /** Extra headers to send along, e.g. `content-type`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Crypto implementation. Default: node:crypto where available, else Web Crypto. */
  readonly backend?: CryptoBackend;
}

/**
 * A signed delivery, ready to send: the exact body and the headers a sender would add.
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
}

function randomId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return `msg_${encodeHex(bytes)}`;
}

/**
 * Signs a delivery the way the sender does, for testing a receiving endpoint.
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
  if (options === null || typeof options !== 'object') {
    throw new ConfigurationError('invalid_option', 'signDelivery needs options: { secret, body }');
  }
  const backend = options.backend ?? defaultCryptoBackend();
  // An ArrayBuffer is bytes too: JSON.stringify would turn it into "{}".
  const data = toBodyData(options.body);
  let json: string | undefined;
  try {
    json = data === undefined ? (JSON.stringify(options.body) as string | undefined) : undefined;
  } catch (cause) {
    // A BigInt or a cycle.
    throw new ConfigurationError('invalid_option', 'signDelivery could not write the body as JSON; pass a string or bytes', { cause });
  }
  if (data === undefined && json === undefined) {
    // undefined, a function or a symbol: JSON has no text for them, and hashing nothing fails deep in crypto.
    throw new ConfigurationError('invalid_option', 'signDelivery needs a body: a string ("" for an empty one), bytes, or a JSON value');
  }
  const body: string | Uint8Array<ArrayBuffer> =
    data === undefined
      ? json!
      : typeof data === 'string' || data.buffer instanceof ArrayBuffer
        ? (data as string | Uint8Array<ArrayBuffer>)
        : new Uint8Array(data);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  // Lower-case, as the template's header names are: `{X-Nonce}` must find `x-nonce`.
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
  const timestamp = sender.timestamp;
  if (timestamp && 'header' in timestamp) {
    const at = options.timestamp === undefined ? Date.now() : Number(options.timestamp);
    headers[timestamp.header] = formatTimestamp(at, timestamp.format);
  }
  const id = sender.id;
  if (id && typeof id === 'object' && 'header' in id) headers[id.header] = options.id ?? randomId();
  const eventType = sender.eventType;
  if (eventType && 'header' in eventType && options.eventType !== undefined) headers[eventType.header] = options.eventType;

  const parts = sender.signedParts.map((part) => {
    if (part.kind === 'body') return body;
    if (part.kind === 'literal') return part.text;
    const value = headers[part.name];
    if (value === undefined) {
      throw new ConfigurationError('invalid_option', `signDelivery needs a value for the ${part.name} header; pass it in headers`);
    }
    return value;
  });
  const spec = sender.signature;
  if (options.secret !== undefined && options.secrets !== undefined) {
    throw new ConfigurationError('invalid_option', 'give either `secret` or `secrets`, not both');
  }
  const secrets = decodeSecrets(options.secret ?? options.secrets, sender.secretEncoding);
  if (secrets.length > 1 && spec.separator === undefined) {
    throw new ConfigurationError('invalid_option', `${sender.name} sends a single signature; pass one secret`);
  }
  const signatures: string[] = [];
  for (const secret of secrets) {
    const key = await backend.importHmacKey(secret.key);
    const digest = await backend.hmacSha256(key, parts);
    const text = spec.encoding === 'hex' ? encodeHex(digest, spec.hexCase ?? 'lower') : encodeBase64(digest);
    signatures.push(`${spec.prefix ?? ''}${text}`);
  }
  headers[spec.header] = signatures.join(spec.separator ?? '');
  return { body, headers };
}
