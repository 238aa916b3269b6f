import { ConfigurationError } from '../../errors.js';
import { signedField } from '../sources/signed-field.js';
import type { Binder, CandidateDecoder, RequestState, SignatureEncoding, SignatureSourceBase, VerificationFailure } from '../types.js';

/**
 * A signature source that reads a field of the body.
 *
 * @example
 * ```ts
 * import { signatureField, hex, type SignatureFieldSource } from 'hookverify';
 *
 * const source: SignatureFieldSource = signatureField('signature.signature', { encoding: hex });
 * console.log(source.path); // "signature.signature"
 * ```
 */
export interface SignatureFieldSource extends SignatureSourceBase {
  readonly kind: 'body-field';
  readonly path: string;
}

/**
 * One signature in a string field of the body, as Mailgun sends it (`signature.signature`, next to
 * the `signature.timestamp` and `signature.token` it signs). The body is parsed before the
 * signature is checked: see {@link signedField} for what that exception to "verify before parse"
 * allows and what a delivery then says.
 *
 * @example
 * ```ts
 * import { composeSender, signatureField, signedField, hmac, utf8Secret, unixSeconds, hex } from 'hookverify';
 *
 * const mailgun = composeSender({
 *   name: 'mailgun',
 *   signatures: signatureField('signature.signature', { encoding: hex }),
 *   signed: [signedField('signature.timestamp'), signedField('signature.token')],
 *   algorithm: hmac('sha256', utf8Secret),
 *   timestamp: unixSeconds(signedField('signature.timestamp')),
 *   id: signedField('signature.token'),
 * });
 * ```
 */
export function signatureField(path: string, options: { readonly encoding: SignatureEncoding }): SignatureFieldSource {
  const field = signedField(path);
  const encoding = options?.encoding;
  if (typeof encoding?.decodeInto !== 'function') {
    throw new ConfigurationError('invalid_option', 'signatureField needs { encoding: hex } or { encoding: base64 }');
  }
  function bind(binder: Binder, decode: CandidateDecoder): (state: RequestState) => Uint8Array[] | VerificationFailure {
    const slot = field.bind(binder);
    const malformed = binder.fail('malformed_header', `${field.label} is not a signature in ${binder.sender}'s format`);
    return function signatureInBody(state) {
      const bytes = decode(state.values[slot]!, 0);
      return bytes === undefined ? malformed : [bytes];
    };
  }
  return Object.freeze({ kind: 'body-field', key: field.key, label: field.label, path: field.path, encoding, readsBody: true, bind });
}
