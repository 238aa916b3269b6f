import { ConfigurationError } from '../../errors.js';
import type { BodyFieldSource } from '../types.js';

/** A value at a dot path, through own properties only: a path such as "constructor" must not reach Object's. */
export function readPath(value: unknown, keys: readonly string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** The split path, or a ConfigurationError. */
export function pathKeys(path: string): readonly string[] {
  if (typeof path !== 'string' || path === '' || path.split('.').includes('')) {
    throw new ConfigurationError('invalid_option', 'a body field must be a dot path such as "data.id"');
  }
  return Object.freeze(path.split('.'));
}

/**
 * A field of the body, by dot path (`"data.id"`), read from the verified payload: the id, event
 * type or timestamp of a sender that signs its whole body. A field that is signed while the body
 * is not (Mailgun) is a {@link signedField}.
 *
 * @example
 * ```ts
 * import { composeSender, signatureHeader, body, bodyField, hmac, hexSecret, rfc3339, header, hex } from 'hookverify';
 *
 * const acme = composeSender({
 *   name: 'acme',
 *   signatures: signatureHeader({ header: 'x-acme-signature', encoding: hex }),
 *   signed: [header('x-acme-time'), body],
 *   algorithm: hmac('sha256', hexSecret),
 *   timestamp: rfc3339(header('x-acme-time')),
 *   id: bodyField('event.id'),
 * });
 * ```
 */
export function bodyField(path: string): BodyFieldSource {
  pathKeys(path);
  return trustedBodyField(path);
}

/**
 * {@link bodyField} without its path check, for built-in senders only (not exported from any
 * entry): their paths are fixed, as test/core/scheme/trusted-parts.test.ts checks.
 */
export function trustedBodyField(path: string): BodyFieldSource {
  const keys = Object.freeze(path.split('.'));
  return Object.freeze<BodyFieldSource>({
    kind: 'body-field',
    key: `body-field:${path}`,
    label: `the body's "${path}" field`,
    path,
    keys,
    read: (parsed) => readPath(parsed, keys),
  });
}
