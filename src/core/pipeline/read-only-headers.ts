import type { HeadersGetter, HeadersInput } from '../headers.js';

function isGetter(headers: unknown): headers is HeadersGetter {
  return typeof (headers as HeadersGetter | null)?.get === 'function';
}

function joined(value: unknown): string | null {
  if (typeof value === 'string') return value;
  // Node's headersDistinct and records of arrays: joined as a Fetch Headers joins repeats.
  if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string')) return value.join(', ');
  return null;
}

/**
 * The request headers as handlers see them, whatever shape the adapter passed: a Fetch-style
 * `get`, case-insensitive, repeats joined with ", ", and no way to change them. Reads happen
 * only when a handler asks, so a request whose handler reads nothing pays for one object.
 */
export function readOnlyHeaders(headers: HeadersInput): HeadersGetter {
  if (isGetter(headers)) {
    return Object.freeze({
      get(name: string): string | null {
        try {
          return joined(headers.get(name));
        } catch {
          return null;
        }
      },
    });
  }
  const record = (headers ?? {}) as Readonly<Record<string, unknown>>;
  return Object.freeze({
    get(name: string): string | null {
      const lower = String(name).toLowerCase();
      if (Object.prototype.hasOwnProperty.call(record, lower) && record[lower] !== undefined) return joined(record[lower]);
      for (const key of Object.keys(record)) {
        if (key.toLowerCase() === lower && record[key] !== undefined) return joined(record[key]);
      }
      return null;
    },
  });
}
