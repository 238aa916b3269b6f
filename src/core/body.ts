import { decodeUtf8 } from './encoding.js';

/**
 * The raw request body exactly as it arrived: a string, a `Uint8Array` (Node's `Buffer` is
 * one) or an `ArrayBuffer`. Never a parsed object: re-serializing JSON changes its bytes.
 *
 * @example
 * ```ts
 * import type { RawBody } from 'hookverify';
 *
 * // Express: express.raw({ type: 'application/json' }) leaves a Buffer in req.body.
 * const body: RawBody = req.body;
 * // Fetch: the bytes, before any request.json(), read within the limit (hookverify/fetch).
 * const bytes: RawBody = await readRequestBody(request);
 * ```
 */
export type RawBody = string | Uint8Array | ArrayBuffer;

/**
 * Default largest body a verifier accepts: 1 MiB.
 *
 * @example
 * ```ts
 * import { DEFAULT_MAX_BODY_BYTES } from 'hookverify';
 * import { createPeridioVerifier } from 'hookverify/peridio';
 *
 * // Allow device reports up to 4 MiB.
 * const verifier = createPeridioVerifier({ secret, maxBodyBytes: 4 * DEFAULT_MAX_BODY_BYTES });
 * ```
 */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * A body ready for hashing: the caller's own string or bytes, never copied (an `ArrayBuffer`
 * is viewed as bytes). What parts of a scheme see as the body.
 *
 * @example
 * ```ts
 * import type { BodyData } from 'hookverify';
 *
 * const length = (body: BodyData) => (typeof body === 'string' ? body.length : body.byteLength);
 * ```
 */
export type BodyData = string | Uint8Array;

/** Returns the body as string or bytes, or undefined when it is not raw data at all. */
export function toBodyData(body: unknown): BodyData | undefined {
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  // Bytes from another realm (a vm context, an edge sandbox) fail instanceof but are still bytes.
  const tag = Object.prototype.toString.call(body);
  if (tag === '[object Uint8Array]') {
    const view = body as Uint8Array;
    return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  }
  if (tag === '[object ArrayBuffer]') return new Uint8Array(body as ArrayBuffer);
  return undefined;
}

/** UTF-8 length of a string without allocating its encoding. */
function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      // A surrogate pair is 4 bytes for 2 UTF-16 units; a lone surrogate becomes 3 (U+FFFD).
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 2;
        i++;
      } else bytes += 2;
    } else bytes += 2;
  }
  return bytes;
}

/** True when the body is over the limit, measured in UTF-8 bytes as it travels. */
export function exceedsLimit(body: BodyData, maxBytes: number): boolean {
  if (typeof body !== 'string') return body.byteLength > maxBytes;
  // Every UTF-16 unit is 1 to 3 UTF-8 bytes, so most strings are decided without a scan.
  if (body.length > maxBytes) return true;
  if (body.length * 3 <= maxBytes) return false;
  return utf8Length(body) > maxBytes;
}

/** The body as text for JSON.parse, or undefined when the bytes are not UTF-8. */
export function bodyText(body: BodyData): string | undefined {
  return typeof body === 'string' ? body : decodeUtf8(body);
}
