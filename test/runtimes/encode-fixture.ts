// The Node side of suite/codec.mjs: a value as tagged JSON. Functions cannot cross, so a value
// holding one is reported as such (`undefined`), and the caller leaves that case on Node.

const base64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

export function encodeFixture(value: unknown): unknown {
  if (value === undefined) return { $: 'undefined' };
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'function') return undefined;
  if (Array.isArray(value)) {
    const items = value.map(encodeFixture);
    return items.includes(undefined) ? undefined : items;
  }
  if (value instanceof Uint8Array) {
    // A view into a larger buffer stays one, offset and all (the catalogue tests exactly that).
    if (value.byteOffset !== 0 || value.byteLength !== value.buffer.byteLength) {
      return { $: 'subarray', base64: base64(new Uint8Array(value.buffer)), start: value.byteOffset, end: value.byteOffset + value.byteLength };
    }
    // Megabytes of zeros (the oversized-body cases) travel as their length.
    if (value.byteLength > 1024 && value.every((byte) => byte === 0)) return { $: 'zeros', length: value.byteLength };
    return { $: 'bytes', base64: base64(value) };
  }
  if (value instanceof ArrayBuffer) return { $: 'arraybuffer', base64: base64(new Uint8Array(value)) };
  if (value instanceof DataView) return { $: 'dataview', length: value.byteLength };
  if (value instanceof Uint16Array) return { $: 'uint16array', length: value.length };
  if (value instanceof Date) return { $: 'date', iso: value.toISOString() };
  if (value instanceof Headers) {
    const entries: [string, string][] = [];
    value.forEach((inner, name) => entries.push([name, inner]));
    return { $: 'headers', entries };
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value).map(([key, inner]) => [key, encodeFixture(inner)] as const);
    if (entries.some(([, inner]) => inner === undefined)) return undefined;
    const object = { $: 'object', value: Object.fromEntries(entries) };
    return Object.getPrototypeOf(value) === null ? { $: 'null-prototype', value: object } : object;
  }
  return undefined;
}
