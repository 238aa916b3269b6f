import { bodyText } from '../../body.js';
import { NOT_OF_KIND, type BodyKind } from '../types.js';

/**
 * A form-encoded body (`application/x-www-form-urlencoded`: Twilio, Slack slash commands):
 * `payload` is an object without prototype whose values are the decoded strings, or arrays of
 * them for a name sent more than once. `bodyField("From")` reads one field.
 *
 * @example
 * ```ts
 * import { composeSender, signatureHeader, body, header, hmac, utf8Secret, formBody, unixSeconds, hex } from 'hookverify';
 *
 * const slashCommands = composeSender({
 *   name: 'slack-commands',
 *   signatures: signatureHeader({ header: 'x-slack-signature', prefix: 'v0=', encoding: hex }),
 *   signed: ['v0:', header('x-slack-request-timestamp'), ':', body],
 *   algorithm: hmac('sha256', utf8Secret),
 *   timestamp: unixSeconds(header('x-slack-request-timestamp')),
 *   body: formBody,
 * });
 * ```
 */
export const formBody: BodyKind = /* @__PURE__ */ Object.freeze({
  name: 'form',
  noun: 'valid UTF-8 form data',
  hasFields: true,
  read(body) {
    const text = bodyText(body);
    if (text === undefined) return NOT_OF_KIND;
    const fields: Record<string, string | string[]> = Object.create(null);
    for (const [name, value] of new URLSearchParams(text)) {
      const seen = fields[name];
      // Appended in place: copying the array on each repeat would make a body of one name sent
      // many times cost quadratic time, and a sender that signs its form fields parses the body
      // before its signature is checked.
      if (seen === undefined) fields[name] = value;
      else if (Array.isArray(seen)) seen.push(value);
      else fields[name] = [seen, value];
    }
    return fields;
  },
} satisfies BodyKind);
