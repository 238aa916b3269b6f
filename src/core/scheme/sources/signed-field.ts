import { NOT_OF_KIND, type Binder, type SignedFieldSource } from '../types.js';
import { bodyField } from './body-field.js';

// One parse per request, shared by every signed field of a sender.
const PRE_PARSE = {};

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
 * A string field of the body that is signed while the body itself is not: Mailgun signs
 * `signature.timestamp` and `signature.token`, not the event next to them. This is the one
 * exception to "verify before parse", and it is explicit: the body is parsed once, within
 * `maxBodyBytes`, only the signed fields are read before the signature is checked, the parsed
 * value becomes the payload only after it holds, and the delivery says
 * `authenticated: "body-fields"`: nothing else in the payload is vouched for.
 *
 * @example
 * ```ts
 * import { composeSender, signatureField, signedField, hmac, utf8Secret, unixSeconds, hex } from 'hookverify';
 *
 * const timestamp = signedField('signature.timestamp');
 * const token = signedField('signature.token');
 * const mailgun = composeSender({
 *   name: 'mailgun',
 *   signatures: signatureField('signature.signature', { encoding: hex }),
 *   signed: [timestamp, token],
 *   algorithm: hmac('sha256', utf8Secret),
 *   timestamp: unixSeconds(timestamp),
 *   id: token,
 * });
 * ```
 */
export function signedField(path: string): SignedFieldSource {
  const field = bodyField(path);
  return Object.freeze<SignedFieldSource>({
    ...field,
    bind(binder) {
      binder.once(PRE_PARSE, () => parseFirst(binder));
      const slot = binder.slot();
      const absent = binder.fail('invalid_body', `${field.label} is missing or not a string`);
      binder.step((state) => {
        const value = field.read(state.parsed);
        if (typeof value !== 'string' || value === '') return absent;
        state.values[slot] = value;
        return undefined;
      });
      return slot;
    },
  });
}
