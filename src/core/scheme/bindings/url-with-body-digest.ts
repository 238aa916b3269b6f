import { encodeHex } from '../../encoding.js';
import { ConfigurationError } from '../../errors.js';
import { isPromise } from '../../is-promise.js';
import type { BodyBindingSource, VerificationFailure } from '../types.js';

const SHA256_HEX = /^[0-9a-f]{64}$/;
// Letters, digits and the characters a query parameter name needs no escaping for.
const PARAMETER_NAME = /^[A-Za-z0-9._~-]+$/;

/** The one value of a query parameter, or undefined when the URL has none, several or is not a URL. */
function queryValue(url: string, name: string): string | undefined {
  let values: string[];
  try {
    values = new URL(url).searchParams.getAll(name);
  } catch {
    return undefined;
  }
  return values.length === 1 ? values[0] : undefined;
}

/**
 * The request URL as a signed piece, when it carries the body's SHA-256 (lower-case hex) in a
 * query parameter: Twilio signs a JSON body this way (`?bodySHA256=<hex>`), signing the URL alone.
 * The signature makes the URL authentic; then the body received is hashed (with the verifier's
 * crypto backend) and must be the one the URL names, so every byte of the body is bound and the
 * delivery says `authenticated: "body"`. A URL with no such parameter, or two, is refused as
 * `invalid_signature`. The URL must be each request's own, query included: a pinned `url`
 * option cannot know the digest.
 *
 * @example
 * ```ts
 * import { composeSender, signatureHeader, urlWithBodyDigest, hmac, utf8Secret, base64, bodyDigest } from 'hookverify';
 *
 * const twilioEvents = composeSender({
 *   name: 'twilio-events',
 *   signatures: signatureHeader({ header: 'x-twilio-signature', encoding: base64 }),
 *   signed: [urlWithBodyDigest('bodySHA256')],
 *   algorithm: hmac('sha1', utf8Secret),
 *   id: bodyDigest,
 * });
 * ```
 */
export function urlWithBodyDigest(parameter: string): BodyBindingSource {
  if (typeof parameter !== 'string' || !PARAMETER_NAME.test(parameter)) {
    throw new ConfigurationError('invalid_option', 'urlWithBodyDigest needs the name of a query parameter, such as "bodySHA256"');
  }
  const label = `the request URL, whose ${parameter} parameter is the body's SHA-256`;
  return Object.freeze<BodyBindingSource>({
    kind: 'body-binding',
    key: `body-binding:url-with-body-digest:${parameter}`,
    label,
    binds: 'body',
    parsesBody: false,
    bind(binder) {
      const urlSlot = binder.slot();
      const digestSlot = binder.slot();
      const absent = binder.fail(
        'invalid_signature',
        `the request URL has no single ${parameter} parameter of 64 lower-case hex digits, so it signs no body: pass each request's full URL, query included`,
      );
      const changed = binder.fail(
        'invalid_signature',
        `the body is not the one whose SHA-256 the signed URL names in ${parameter}: pass the raw request bytes; a body that was parsed and re-serialized no longer matches`,
      );
      binder.step((state) => {
        if (typeof state.url !== 'string' || state.url === '') {
          // A set-up mistake, not a bad delivery: every request would fail the same way.
          throw new ConfigurationError('invalid_option', `${binder.sender} signs the request URL: pass \`url\` with each delivery`);
        }
        const digest = queryValue(state.url, parameter);
        if (digest === undefined || !SHA256_HEX.test(digest)) return absent;
        state.values[urlSlot] = state.url;
        state.values[digestSlot] = digest;
        return undefined;
      });
      // A digest of the body is no secret (anyone holding the body computes it), so a plain
      // comparison leaks nothing.
      const compare = (actual: Uint8Array, named: string): VerificationFailure | undefined => (encodeHex(actual) === named ? undefined : changed);
      binder.afterSignature((state, backend) => {
        const actual = backend.sha256(state.body);
        const named = state.values[digestSlot]!;
        return isPromise<Uint8Array>(actual) ? actual.then((bytes) => compare(bytes, named)) : compare(actual, named);
      });
      return urlSlot;
    },
    async signedValue({ body, url, backend }) {
      if (typeof url !== 'string' || url === '') throw new ConfigurationError('invalid_option', `signing ${label} needs \`url\``);
      const digest = encodeHex(await backend.sha256(body));
      const signedUrl = `${url}${url.includes('?') ? '&' : '?'}${parameter}=${digest}`;
      return { value: signedUrl, url: signedUrl };
    },
  });
}
