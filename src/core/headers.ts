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
export type HeaderRead = string | typeof HEADER_MISSING | typeof HEADER_MALFORMED;

export const HEADER_MISSING = 0;
export const HEADER_MALFORMED = 1;

function isGetter(headers: unknown): headers is HeadersGetter {
  return typeof (headers as HeadersGetter).get === 'function';
}

/**
 * Reads one header by its lower-case name, case-insensitively. A header sent several times
 * with different values is malformed: which one the sender meant cannot be known.
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
          if (value !== undefined) return HEADER_MALFORMED;
          value = record[key];
        }
      }
    }
  }
  if (value === undefined || value === null) return HEADER_MISSING;
  if (Array.isArray(value)) {
    if (value.length === 0) return HEADER_MISSING;
    const first: unknown = value[0];
    for (let i = 1; i < value.length; i++) if (value[i] !== first) return HEADER_MALFORMED;
    value = first;
  }
  if (typeof value !== 'string') return HEADER_MALFORMED;
  if (value.length > MAX_HEADER_LENGTH) return HEADER_MALFORMED;
  const trimmed = value.trim();
  return trimmed.length === 0 ? HEADER_MISSING : trimmed;
}
