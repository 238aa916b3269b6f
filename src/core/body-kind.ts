import { bodyText, type BodyData } from './body.js';
import { utf8 } from './encoding.js';

/**
 * What a sender's body is, and so what a verified delivery's `payload` is:
 *
 * - `json` (the default): UTF-8 JSON, parsed after the signature holds; `payload` is the parsed
 *   value. An empty body is not JSON and is refused with `invalid_body`.
 * - `text`: UTF-8 text, not parsed; `payload` is the string (possibly empty).
 * - `bytes`: anything; `payload` is the body's `Uint8Array` as given (not copied), or the UTF-8
 *   bytes of a string body.
 *
 * Only a `json` body can hold a timestamp, id or event type (`bodyField`). Whatever the kind,
 * the signature is checked over the raw bytes first and nothing is parsed before it holds.
 *
 * @example
 * ```ts
 * import { defineSender, type BodyKind } from 'hookverify';
 *
 * // This vendor sends form-like text and pings with an empty body.
 * const body: BodyKind = 'text';
 * const vendor = defineSender({ name: 'vendor', signature: { header: 'x-signature', encoding: 'hex' }, signedContent: '{body}', secretEncoding: 'utf8', body });
 * ```
 */
export type BodyKind = 'json' | 'text' | 'bytes';

/** What a body reader returns when the bytes are not of its kind. */
export const NOT_OF_KIND: unique symbol = Symbol('not of this body kind');

/** Turns verified body bytes into the payload, or NOT_OF_KIND. Never throws. */
export type PayloadReader = (body: BodyData) => unknown;

function readJson(body: BodyData): unknown {
  const text = bodyText(body);
  if (text === undefined) return NOT_OF_KIND;
  try {
    return JSON.parse(text);
  } catch {
    return NOT_OF_KIND;
  }
}

function readText(body: BodyData): unknown {
  return bodyText(body) ?? NOT_OF_KIND;
}

function readBytes(body: BodyData): unknown {
  return typeof body === 'string' ? utf8(body) : body;
}

/**
 * One reader per kind; a new kind is one entry here, one in {@link BodyKind} and one in
 * {@link BODY_KIND_NOUNS}.
 */
export const BODY_READERS: Readonly<Record<BodyKind, PayloadReader>> = Object.freeze({
  json: readJson,
  text: readText,
  bytes: readBytes,
});

/** What each kind is called in messages: "the body is signed correctly but is not ...". */
export const BODY_KIND_NOUNS: Readonly<Record<BodyKind, string>> = Object.freeze({
  json: 'valid UTF-8 JSON',
  text: 'valid UTF-8 text',
  bytes: 'bytes',
});

/** True for a known body kind. */
export function isBodyKind(value: unknown): value is BodyKind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(BODY_READERS, value);
}
