import { ConfigurationError } from '../../errors.js';
import { NOT_OF_KIND, type Binder, type BodyFieldSource } from '../types.js';

// One parse per request, shared by every body field a sender reads before verifying.
const PRE_PARSE = {};

function readPath(value: unknown, keys: readonly string[]): unknown {
  let current = value;
  for (const key of keys) {
    // Own properties only: a path such as "constructor" must not reach Object's.
    if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function parseFirst(binder: Binder): void {
  const kind = binder.bodyKind;
  const unreadable = binder.fail('invalid_body', `the body is not ${kind.noun}, so the fields it is signed with cannot be read`);
  binder.step((state) => {
    const parsed = kind.read(state.body);
    if (parsed === NOT_OF_KIND) return unreadable;
    state.parsed = parsed;
    return undefined;
  });
}

/**
 * A field of the body, by dot path (`"data.id"`). As an id, event type or timestamp of a sender
 * that signs the whole body it is read from the verified payload. As a signed piece (Mailgun signs
 * `signature.timestamp` and `signature.token`, not the body) it is the one exception to
 * "verify before parse": the body is parsed once, within `maxBodyBytes`, only the named string
 * fields are read before the signature is checked, and the delivery says
 * `authenticated: "body-fields"`.
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
  if (typeof path !== 'string' || path === '' || path.split('.').includes('')) {
    throw new ConfigurationError('invalid_option', 'a body field must be a dot path such as "data.id"');
  }
  const keys = Object.freeze(path.split('.'));
  const label = `the body's "${path}" field`;
  return Object.freeze({
    kind: 'body-field',
    key: `body-field:${path}`,
    label,
    path,
    keys,
    read: (parsed: unknown) => readPath(parsed, keys),
    bind(binder: Binder) {
      binder.once(PRE_PARSE, () => parseFirst(binder));
      const slot = binder.slot();
      const absent = binder.fail('invalid_body', `${label} is missing or not a string`);
      binder.step((state) => {
        const value = readPath(state.parsed, keys);
        if (typeof value !== 'string' || value === '') return absent;
        state.values[slot] = value;
        return undefined;
      });
      return slot;
    },
  });
}
