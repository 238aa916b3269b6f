// Hand-written verifications: the fastest straightforward code a careful engineer would write
// for one scheme with node:crypto (or crypto.subtle), with no library. They read the headers,
// check the replay window, compute the HMAC with a key object prepared once, and compare with
// timingSafeEqual. They are the floors hookverify's rows are measured against.
import { Buffer } from 'node:buffer';
import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import type { Headers } from './fixtures.js';

export const TOLERANCE_MS = 5 * 60 * 1000;

function equalsAny(expected: Buffer, header: string, separator: string, prefix: string, encoding: 'hex' | 'base64'): boolean {
  let found = false;
  for (let entry of header.split(separator)) {
    entry = entry.trim();
    if (prefix.length > 0) {
      if (!entry.startsWith(prefix)) continue;
      entry = entry.slice(prefix.length);
    }
    const given = Buffer.from(entry, encoding);
    if (given.length === expected.length && timingSafeEqual(given, expected)) found = true;
  }
  return found;
}

/** Peridio: HMAC over `peridio-published-at` then the body, hex signatures, comma-separated. */
export function peridioFloor(secretsHex: readonly string[]): (body: Buffer, headers: Headers) => boolean {
  const keys: KeyObject[] = secretsHex.map((secret) => createSecretKey(Buffer.from(secret, 'hex')));
  return (body, headers) => {
    const signature = headers['peridio-signature'];
    const publishedAt = headers['peridio-published-at'];
    if (typeof signature !== 'string' || typeof publishedAt !== 'string') return false;
    const ms = Date.parse(publishedAt);
    if (!(Math.abs(Date.now() - ms) <= TOLERANCE_MS)) return false;
    for (const key of keys) {
      const expected = createHmac('sha256', key).update(publishedAt).update(body).digest();
      if (equalsAny(expected, signature, ',', '', 'hex')) return true;
    }
    return false;
  };
}

/** Standard Webhooks: HMAC over `<id>.<timestamp>.<body>`, `v1,<base64>` entries. */
export function swFloor(keyBytes: readonly Uint8Array[]): (body: Buffer, headers: Headers) => boolean {
  const keys = keyBytes.map((bytes) => createSecretKey(bytes));
  return (body, headers) => {
    const id = headers['webhook-id'];
    const timestamp = headers['webhook-timestamp'];
    const signature = headers['webhook-signature'];
    if (typeof id !== 'string' || typeof timestamp !== 'string' || typeof signature !== 'string') return false;
    const ms = Number(timestamp) * 1000;
    if (!(Math.abs(Date.now() - ms) <= TOLERANCE_MS)) return false;
    for (const key of keys) {
      const expected = createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest();
      if (equalsAny(expected, signature, ' ', 'v1,', 'base64')) return true;
    }
    return false;
  };
}

/** A floor plus the JSON.parse every handler needs; `undefined` when verification fails. */
export function withParse(floor: (body: Buffer, headers: Headers) => boolean): (body: Buffer, headers: Headers) => unknown {
  return (body, headers) => (floor(body, headers) ? JSON.parse(body.toString('utf8')) : undefined);
}

// The crypto.subtle floor is plain JavaScript, shared with bench/web-crypto-floor.mjs (Bun, Deno).
export { peridioSubtleFloor } from './subtle-floor.mjs';
