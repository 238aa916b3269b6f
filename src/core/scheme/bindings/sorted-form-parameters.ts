import type { BodyData } from '../../body.js';
import { ConfigurationError } from '../../errors.js';
import { NOT_OF_KIND, type BodyBindingSource, type BodyKind } from '../types.js';

/** Form fields as `formBody` reads them: a name sent more than once has an array of values. */
type FormFields = Readonly<Record<string, string | readonly string[]>>;

/**
 * Most parameters read before the signature is checked. Twilio sends a few dozen; parsing costs
 * about a microsecond per parameter, so without a bound a forged 1 MiB body of half a million
 * empty parameters would buy a second of CPU per request.
 */
export const MAX_FORM_PARAMETERS = 1000;
const AMPERSAND = 0x26;

/** Whether a form body has more than `limit` parameters, counted without decoding it. */
function tooManyParameters(body: BodyData, limit: number): boolean {
  let count = 0;
  if (typeof body === 'string') {
    for (let at = body.indexOf('&'); at !== -1; at = body.indexOf('&', at + 1)) if (++count >= limit) return true;
  } else {
    for (let i = 0; i < body.length; i++) if (body[i] === AMPERSAND && ++count >= limit) return true;
  }
  return false;
}

/**
 * The text Twilio signs after the URL: every name in sorted order (UTF-16 code units, which is
 * case-sensitive ASCII order) followed by its value, with no separators; a repeated name once per
 * distinct value, the values sorted too, as twilio 6.3 `getExpectedTwilioSignature` does.
 *
 * @example
 * ```ts
 * import { formParameterText } from 'hookverify';
 *
 * formParameterText({ To: '+18005551212', Digits: ['5678', '1234'] }); // "Digits1234Digits5678To+18005551212"
 * ```
 */
export function formParameterText(fields: Readonly<Record<string, string | readonly string[]>>): string {
  let text = '';
  for (const name of Object.keys(fields).sort()) {
    const value = fields[name]!;
    if (typeof value === 'string') text += name + value;
    else for (const each of [...new Set(value)].sort()) text += name + each;
  }
  return text;
}

function readForm(kind: BodyKind, body: BodyData): FormFields | undefined {
  const parsed = kind.read(body);
  return parsed === NOT_OF_KIND ? undefined : (parsed as FormFields);
}

/**
 * Twilio's form parameters as a signed piece: the body (`application/x-www-form-urlencoded`,
 * read by {@link formBody}) is parsed before the signature is checked, because what is signed is
 * {@link formParameterText} of its fields, not its bytes. The parse is the one the payload then
 * is: nothing is parsed twice or re-serialized. A body of more than 1,000 parameters is
 * refused (`invalid_body`) before it is parsed. The delivery says `authenticated: "body-fields"`:
 * every decoded name and value is signed, but not their order or percent-encoding, and (a
 * property of Twilio's scheme) not where a name ends and its value begins.
 *
 * @example
 * ```ts
 * import { composeSender, signatureHeader, requestUrl, sortedFormParameters, hmac, utf8Secret, base64, formBody, bodyDigest } from 'hookverify';
 *
 * const twilioLike = composeSender({
 *   name: 'twilio-like',
 *   signatures: signatureHeader({ header: 'x-twilio-signature', encoding: base64 }),
 *   signed: [requestUrl, sortedFormParameters],
 *   algorithm: hmac('sha1', utf8Secret),
 *   body: formBody,
 *   id: bodyDigest,
 * });
 * ```
 */
export const sortedFormParameters: BodyBindingSource = /* @__PURE__ */ Object.freeze<BodyBindingSource>({
  kind: 'body-binding',
  key: 'body-binding:sorted-form-parameters',
  label: 'the form parameters, sorted by name',
  binds: 'body-fields',
  parsesBody: true,
  bind(binder) {
    const kind = binder.bodyKind;
    if (kind.name !== 'form') {
      throw new ConfigurationError('invalid_option', `sortedFormParameters signs the fields of a form body, and ${binder.sender}'s body is "${kind.name}": use formBody`);
    }
    const unreadable = binder.fail('invalid_body', `the body is not ${kind.noun}, so the parameters it is signed with cannot be read`);
    const tooMany = binder.fail('invalid_body', `the body has more than ${MAX_FORM_PARAMETERS} form parameters`);
    const slot = binder.slot();
    binder.step((state) => {
      // n separators make n + 1 parameters.
      if (tooManyParameters(state.body, MAX_FORM_PARAMETERS)) return tooMany;
      const fields = readForm(kind, state.body);
      if (fields === undefined) return unreadable;
      // The parse becomes the payload once the signature holds.
      state.parsed = fields;
      state.values[slot] = formParameterText(fields);
      return undefined;
    });
    return slot;
  },
  signedValue({ body, bodyKind }) {
    const fields = readForm(bodyKind, body);
    if (fields === undefined) return Promise.reject(new ConfigurationError('invalid_option', `the body is not ${bodyKind.noun}`));
    return Promise.resolve({ value: formParameterText(fields) });
  },
});
