/**
 * A UUID that is a function of the dedupe key: for engines whose job ids must be UUIDs
 * (pg-boss), so that a second enqueue of one event collides with the first. The first 128 bits
 * of the key's SHA-256, marked as an RFC 9562 version 8 (custom) UUID; not reversible, which is
 * why the job also carries its key.
 *
 * @example
 * ```ts
 * import { jobUuid } from 'hookverify/durable';
 *
 * const id = await jobUuid('peridio:prn:1:be4d30b4-de6b-47cd-85ea-a75e23fd63ef:event:1'); // the same on every call
 * ```
 */
export async function jobUuid(key: string): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(key)));
  digest[6] = (digest[6]! & 0x0f) | 0x80;
  digest[8] = (digest[8]! & 0x3f) | 0x80;
  const hex = Array.from(digest.subarray(0, 16), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
