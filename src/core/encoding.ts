// Runtime-neutral codecs. Decoders are strict and return undefined instead of throwing, so a
// hostile header costs a branch, not an exception; they never stop early on partial data.

// Tables are built by functions marked pure, so that a bundle which uses only some codecs
// drops the tables of the others.

/** Value of each hex digit of either case, by character code, or -1. */
function hexValues(): Int8Array {
  const values = new Int8Array(128).fill(-1);
  for (let i = 0; i < 16; i++) values['0123456789abcdef'.charCodeAt(i)] = values['0123456789ABCDEF'.charCodeAt(i)] = i;
  return values;
}

// Byte value of every pair of ASCII characters, (first << 7) | second, or -1: one lookup per
// byte, since signature headers are decoded on every delivery.
function hexPairs(): Int16Array {
  const values = hexValues();
  const pairs = new Int16Array(128 * 128).fill(-1);
  for (let hi = 0; hi < 128; hi++) {
    for (let lo = 0; lo < 128; lo++) if ((values[hi]! | values[lo]!) >= 0) pairs[(hi << 7) | lo] = (values[hi]! << 4) | values[lo]!;
  }
  return pairs;
}
const HEX_PAIR = /* @__PURE__ */ hexPairs();

/** Decodes hex of either case; undefined for odd length or any non-hex character. */
export function decodeHex(text: string): Uint8Array | undefined {
  if (text.length % 2 !== 0) return undefined;
  const out = new Uint8Array(text.length / 2);
  return decodeHexInto(text, out) ? out : undefined;
}

/**
 * Decodes hex of either case into `target`, which it must fill exactly; false for any other
 * length or any non-hex character (`target` is then partly written).
 */
export function decodeHexInto(text: string, target: Uint8Array): boolean {
  const length = text.length;
  if (length !== target.length * 2) return false;
  for (let i = 0, j = 0; i < length; i += 2, j++) {
    const hi = text.charCodeAt(i);
    const lo = text.charCodeAt(i + 1);
    const value = (hi | lo) < 128 ? HEX_PAIR[(hi << 7) | lo]! : -1;
    if (value < 0) return false;
    target[j] = value;
  }
  return true;
}

const HEX_LOWER = /* @__PURE__ */ Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const HEX_UPPER = /* @__PURE__ */ HEX_LOWER.map((pair) => pair.toUpperCase());

/** Encodes bytes as hex, lower-case unless asked otherwise. */
export function encodeHex(bytes: Uint8Array, letterCase: 'lower' | 'upper' = 'lower'): string {
  const table = letterCase === 'upper' ? HEX_UPPER : HEX_LOWER;
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += table[bytes[i]!]!;
  return out;
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function base64Values(): Int8Array {
  const values = new Int8Array(128).fill(-1);
  for (let i = 0; i < 64; i++) values[BASE64_ALPHABET.charCodeAt(i)] = i;
  return values;
}
const BASE64_VALUE = /* @__PURE__ */ base64Values();

/** Decodes standard padded base64 (RFC 4648 section 4); undefined for anything else. */
export function decodeBase64(text: string): Uint8Array | undefined {
  const out = new Uint8Array(base64Length(text));
  return decodeBase64Into(text, out) ? out : undefined;
}

/** Bytes that padded base64 text decodes to (0 when its length is not a multiple of 4). */
function base64Length(text: string): number {
  const length = text.length;
  if (length % 4 !== 0) return 0;
  let padding = 0;
  if (length > 0 && text.charCodeAt(length - 1) === 61) padding++;
  if (length > 1 && text.charCodeAt(length - 2) === 61) padding++;
  return (length / 4) * 3 - padding;
}

/**
 * Decodes standard padded base64 into `target`, which it must fill exactly; false for any other
 * length or anything that is not canonical base64 (`target` is then partly written).
 */
export function decodeBase64Into(text: string, target: Uint8Array): boolean {
  const length = text.length;
  if (length % 4 !== 0 || base64Length(text) !== target.length) return false;
  const padding = (length / 4) * 3 - target.length;
  let j = 0;
  for (let i = 0; i < length; i += 4) {
    const last = i + 4 === length;
    const a = sextet(text.charCodeAt(i));
    const b = sextet(text.charCodeAt(i + 1));
    // "=" stands for zero bits only where it is padding at the very end.
    const c = last && padding === 2 ? 0 : sextet(text.charCodeAt(i + 2));
    const d = last && padding > 0 ? 0 : sextet(text.charCodeAt(i + 3));
    if ((a | b | c | d) < 0) return false;
    const chunk = (a << 18) | (b << 12) | (c << 6) | d;
    // Bits below the last byte must be zero (RFC 4648 section 3.5): otherwise several texts
    // decode to one digest, and an edited signature would still verify.
    if (last && padding > 0 && (chunk & (padding === 1 ? 0xff : 0xffff)) !== 0) return false;
    target[j++] = (chunk >> 16) & 0xff;
    if (j < target.length) target[j++] = (chunk >> 8) & 0xff;
    if (j < target.length) target[j++] = chunk & 0xff;
  }
  return true;
}

function sextet(code: number): number {
  return code < 128 ? BASE64_VALUE[code]! : -1;
}

/** Encodes bytes as standard padded base64. */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const chunk = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out +=
      BASE64_ALPHABET[(chunk >> 18) & 63]! +
      BASE64_ALPHABET[(chunk >> 12) & 63]! +
      BASE64_ALPHABET[(chunk >> 6) & 63]! +
      BASE64_ALPHABET[chunk & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const chunk = bytes[i]! << 16;
    out += BASE64_ALPHABET[(chunk >> 18) & 63]! + BASE64_ALPHABET[(chunk >> 12) & 63]! + '==';
  } else if (rest === 2) {
    const chunk = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out +=
      BASE64_ALPHABET[(chunk >> 18) & 63]! +
      BASE64_ALPHABET[(chunk >> 12) & 63]! +
      BASE64_ALPHABET[(chunk >> 6) & 63]! +
      '=';
  }
  return out;
}

const encoder = /* @__PURE__ */ new TextEncoder();

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

// fatal: a signed body that is not UTF-8 must be refused, not silently repaired with U+FFFD.
const decoder = /* @__PURE__ */ new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes UTF-8, or undefined when the bytes are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}
