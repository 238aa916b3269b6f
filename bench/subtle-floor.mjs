// The Peridio scheme on crypto.subtle, written by hand with the key imported once, as an edge
// runtime would run it: the floor of the Web Crypto backend. Plain JavaScript with no Node
// API, so that bench/main.ts (through floors.ts) and bench/web-crypto-floor.mjs on Bun and
// Deno measure against the same code.

const TOLERANCE_MS = 5 * 60 * 1000;
const encoder = new TextEncoder();

// A tight loop, as fast as a careful engineer would write without Node's Buffer.from(hex):
// the floor must not be slowed by its own parsing. An odd length or a non-hex digit yields a
// different length or wrong bytes, so the comparison fails.
function hexBytes(hex) {
  const out = new Uint8Array(hex.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
  return out;
}

export async function peridioSubtleFloor(secretHex) {
  const key = await crypto.subtle.importKey('raw', hexBytes(secretHex), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return async (body, headers) => {
    const signature = headers['peridio-signature'];
    const publishedAt = headers['peridio-published-at'];
    if (typeof signature !== 'string' || typeof publishedAt !== 'string') return false;
    const ms = Date.parse(publishedAt);
    if (!(Math.abs(Date.now() - ms) <= TOLERANCE_MS)) return false;
    const prefix = encoder.encode(publishedAt);
    const signed = new Uint8Array(prefix.length + body.length);
    signed.set(prefix, 0);
    signed.set(body, prefix.length);
    const expected = new Uint8Array(await crypto.subtle.sign('HMAC', key, signed));
    let found = false;
    for (const entry of signature.split(',')) {
      const given = hexBytes(entry.trim());
      if (given.length !== expected.length) continue;
      let difference = 0;
      for (let i = 0; i < given.length; i++) difference |= given[i] ^ expected[i];
      if (difference === 0) found = true;
    }
    return found;
  };
}
