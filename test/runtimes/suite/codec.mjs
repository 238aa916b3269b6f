// The fixtures cross from Node to each runtime as JSON; what JSON cannot hold (bytes, views,
// Headers, undefined) travels tagged and is rebuilt with the runtime's own classes, so a
// verifier there meets that runtime's Uint8Array and Headers, not Node's.

const fromBase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** The value a tagged JSON value stands for, built with this runtime's globals. */
export function decode(value) {
  if (Array.isArray(value)) return value.map(decode);
  if (value === null || typeof value !== 'object') return value;
  switch (value.$) {
    case 'undefined':
      return undefined;
    case 'bytes':
      return fromBase64(value.base64);
    case 'zeros':
      return new Uint8Array(value.length);
    case 'subarray':
      return fromBase64(value.base64).subarray(value.start, value.end);
    case 'arraybuffer':
      return fromBase64(value.base64).buffer;
    case 'dataview':
      return new DataView(new ArrayBuffer(value.length));
    case 'uint16array':
      return new Uint16Array(value.length);
    case 'date':
      return new Date(value.iso);
    case 'headers':
      return new Headers(value.entries);
    case 'null-prototype':
      return Object.assign(Object.create(null), decode(value.value));
    case 'object':
      return Object.fromEntries(Object.entries(value.value).map(([key, inner]) => [key, decode(inner)]));
    default:
      throw new TypeError(`unknown fixture tag ${JSON.stringify(value.$)}`);
  }
}
