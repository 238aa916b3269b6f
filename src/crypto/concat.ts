const encoder = /* @__PURE__ */ new TextEncoder();

/** The parts as one byte string (strings as UTF-8), for APIs that take a single buffer. */
export function concat(parts: readonly (string | Uint8Array)[]): Uint8Array {
  if (parts.length === 1) {
    const only = parts[0]!;
    return typeof only === 'string' ? encoder.encode(only) : only;
  }
  const chunks = parts.map((part) => (typeof part === 'string' ? encoder.encode(part) : part));
  let length = 0;
  for (const chunk of chunks) length += chunk.byteLength;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
