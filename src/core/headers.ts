/**
 * Anything with a Fetch-style `get` (the `Headers` of Fetch, Undici, Next.js, Hono, Workers).
 * Structural so that no DOM or Node typings are needed by users of the types.
 *
 * @example
 * ```ts
 * import type { HeadersGetter } from 'hookverify';
 *
 * // Any object with a Fetch-style get works, e.g. a framework's own header bag.
 * const headers: HeadersGetter = { get: (name) => ctx.req.header(name) ?? null };
 * await verifier.verify({ body, headers });
 * ```
 */
export interface HeadersGetter {
  get(name: string): string | null;
}

/**
 * Request headers in any of the shapes frameworks hand out: a Fetch `Headers`, Node's
 * `IncomingHttpHeaders` (values may be string arrays), or a plain record with any casing.
 *
 * @example
 * ```ts
 * import type { HeadersInput } from 'hookverify';
 *
 * const fromFetch: HeadersInput = request.headers; // Headers
 * const fromNode: HeadersInput = req.headers; // IncomingHttpHeaders
 * const fromRecord: HeadersInput = { 'Peridio-Signature': signature, 'Peridio-Published-At': publishedAt };
 * ```
 */
export type HeadersInput =
  | HeadersGetter
  | Readonly<Record<string, string | readonly string[] | undefined>>;

/** Longest header value accepted; real signature headers are well under 1 KiB. */
export const MAX_HEADER_LENGTH = 8192;

/** What reading one header produced: its value, or why there is none. */
export type HeaderRead = string | typeof HEADER_MISSING | typeof HEADER_MALFORMED | typeof HEADER_REPEATED;

// Small integers in this order, so that a caller can index a tuple of failures by them.
export const HEADER_MISSING = 0;
export const HEADER_MALFORMED = 1;
export const HEADER_REPEATED = 2;

function isGetter(headers: unknown): headers is HeadersGetter {
  return typeof (headers as HeadersGetter).get === 'function';
}

/**
 * Reads one header by its lower-case name, case-insensitively. A header given more than once
 * (a Node `headersDistinct` array of two, or two spellings of its name in a record) is
 * HEADER_REPEATED, identical values or not: RFC 9110 (section 5.3) lets a sender repeat only a
 * list field, none of the fields hookverify reads is one, and which line a proxy or the sender
 * meant cannot be known. A Fetch `Headers` has already joined repeats into one value, which is
 * read as that one value.
 */
export function readHeader(headers: HeadersInput | unknown, lowerName: string): HeaderRead {
  if (headers === null || typeof headers !== 'object') return HEADER_MISSING;
  let value: unknown;
  if (isGetter(headers)) {
    try {
      value = headers.get(lowerName);
    } catch {
      return HEADER_MALFORMED;
    }
  } else {
    const record = headers as Record<string, unknown>;
    // Node lower-cases incoming names, so the direct lookup is the common case.
    value = Object.prototype.hasOwnProperty.call(record, lowerName) ? record[lowerName] : undefined;
    if (value === undefined) {
      for (const key of Object.keys(record)) {
        if (key.length === lowerName.length && key.toLowerCase() === lowerName) {
          if (value !== undefined) return HEADER_REPEATED;
          value = record[key];
        }
      }
    }
  }
  if (value === undefined || value === null) return HEADER_MISSING;
  if (Array.isArray(value)) {
    if (value.length === 0) return HEADER_MISSING;
    if (value.length > 1) return HEADER_REPEATED;
    value = value[0];
  }
  if (typeof value !== 'string') return HEADER_MALFORMED;
  if (value.length > MAX_HEADER_LENGTH) return HEADER_MALFORMED;
  const trimmed = value.trim();
  return trimmed.length === 0 ? HEADER_MISSING : trimmed;
}
