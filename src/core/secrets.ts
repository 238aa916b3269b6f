import { ConfigurationError } from './errors.js';
import type { KeyForm } from './scheme/types.js';

/**
 * How a sender's secret string turns into HMAC key bytes.
 *
 * - `utf8`: the text itself (EdgeSense, GitHub and most vendors).
 * - `hex`: the hex-decoded bytes (Peridio's 32 hex characters are a 16-byte key).
 * - `base64`: the base64-decoded bytes.
 * - `whsec`: Standard Webhooks: an optional `whsec_` prefix, then base64.
 *
 * @example
 * ```ts
 * import { defineSender, type SecretEncoding } from 'hookverify';
 *
 * // The dashboard shows the key as hex: decode it before use.
 * const secretEncoding: SecretEncoding = 'hex';
 * const vendor = defineSender({ name: 'vendor', signature: { header: 'x-signature', encoding: 'hex' }, signedContent: '{body}', secretEncoding });
 * ```
 */
export type SecretEncoding = 'utf8' | 'hex' | 'base64' | 'whsec';

/**
 * One secret: the string the sender's dashboard shows, or raw key bytes, optionally with a
 * label (reported when it matches) and a `notAfter` time after which it is ignored.
 *
 * @example
 * ```ts
 * const secrets = [
 *   { secret: process.env.PERIDIO_SECRET_NEW!, label: '2026-11' },
 *   { secret: process.env.PERIDIO_SECRET_OLD!, label: '2026-05', notAfter: '2026-11-24T12:00:00Z' },
 * ];
 * ```
 */
export type SecretInput =
  | string
  | Uint8Array
  | {
      readonly secret: string | Uint8Array;
      readonly label?: string;
      /** After this instant the secret no longer verifies anything. */
      readonly notAfter?: Date | string | number;
    };

/**
 * Which configured secret verified a delivery.
 *
 * @example
 * ```ts
 * import type { MatchedSecret } from 'hookverify';
 *
 * const delivery = await verifier.verify({ body, headers });
 * const matched: MatchedSecret = delivery.matchedSecret;
 * if (matched.label === 'old') console.warn('still signed with the old secret: keep it a little longer');
 * ```
 */
export interface MatchedSecret {
  /** Position in the list given to the verifier (0 for a single secret). */
  readonly index: number;
  /** The label given with the secret, if any. */
  readonly label: string | undefined;
}

/** A secret decoded to key bytes; the bytes are dropped once the backend imports them. */
export interface DecodedSecret {
  readonly key: Uint8Array;
  readonly matched: MatchedSecret;
  readonly notAfterMs: number;
}

function decodeSecretText(text: string, form: KeyForm, position: string): Uint8Array {
  const key = form.decode(text);
  if (!key || key.byteLength === 0) {
    // Never echo the secret itself: say only what shape was expected.
    throw new ConfigurationError('invalid_secret', `${position} is not ${form.expected}`);
  }
  return key;
}

function toMs(value: Date | string | number, position: string): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) {
    throw new ConfigurationError('invalid_option', `${position}.notAfter is not a valid date`);
  }
  return ms;
}

/**
 * Decodes the configured secrets (or public keys) in the sender's key form. Throws a {@link ConfigurationError} that names the position of
 * a bad secret but never its value.
 */
export function decodeSecrets(input: SecretInput | readonly SecretInput[] | undefined, form: KeyForm): DecodedSecret[] {
  if (input === undefined || input === null || (Array.isArray(input) && input.length === 0)) {
    throw new ConfigurationError(
      'invalid_secret',
      'no secret was given; pass `secret` (is the environment variable that holds it set?)',
    );
  }
  const list: readonly SecretInput[] = Array.isArray(input) ? input : [input as SecretInput];
  return list.map((entry, index) => {
    const position = list.length === 1 ? 'the secret' : `secret #${index}`;
    if (entry === undefined || entry === null) {
      throw new ConfigurationError('invalid_secret', `${position} is missing (is its environment variable set?)`);
    }
    const spec = typeof entry === 'string' || entry instanceof Uint8Array ? { secret: entry } : entry;
    const raw = spec.secret;
    let key: Uint8Array;
    if (raw instanceof Uint8Array) {
      if (raw.byteLength === 0) throw new ConfigurationError('invalid_secret', `${position} is empty`);
      key = raw;
    } else if (typeof raw === 'string') key = decodeSecretText(raw, form, position);
    else throw new ConfigurationError('invalid_secret', `${position} must be a string or bytes`);
    const notAfterMs = spec.notAfter === undefined ? Number.POSITIVE_INFINITY : toMs(spec.notAfter, position);
    return { key, matched: Object.freeze({ index, label: spec.label }), notAfterMs };
  });
}
