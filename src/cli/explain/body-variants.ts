import { decodeUtf8, utf8 } from '../../core/encoding.js';

/** A plausible earlier form of a body that was altered on its way to the verifier. */
export interface BodyVariant {
  /** How the variant differs from the body as given, e.g. "the compact JSON form of the body". */
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** What the body is, as far as re-serialization is concerned. */
export interface BodyShape {
  readonly utf8: boolean;
  readonly json: boolean;
  /** Valid JSON, but not byte-identical to `JSON.stringify(JSON.parse(body))`. */
  readonly differsFromCompact: boolean;
  readonly compactBytes: number | undefined;
  /** First byte offset where body and its compact form differ. */
  readonly firstDifference: number | undefined;
  readonly endsWithNewline: boolean;
  readonly hasCrlf: boolean;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.byteLength, b.byteLength);
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return i;
  return length;
}

/**
 * The forms a signed body commonly takes after being re-serialized or saved: a diagnosis
 * verifies each with the real verifier, and a match says what happened to the body.
 */
export function bodyVariants(body: Uint8Array): { shape: BodyShape; variants: BodyVariant[] } {
  const text = decodeUtf8(body);
  const variants: BodyVariant[] = [];
  const add = (name: string, variantText: string): void => {
    const bytes = utf8(variantText);
    if (!sameBytes(bytes, body) && !variants.some((v) => sameBytes(v.bytes, bytes))) variants.push({ name, bytes });
  };
  let parsed: unknown;
  let json = false;
  if (text !== undefined) {
    try {
      parsed = JSON.parse(text);
      json = true;
    } catch {
      json = false;
    }
  }
  const endsWithNewline = text !== undefined && text.endsWith('\n');
  const hasCrlf = text !== undefined && text.includes('\r\n');
  // Smallest edits first: a match names the most likely accident.
  if (text !== undefined) {
    if (endsWithNewline) add('the body without its final newline', text.replace(/\r?\n$/, ''));
    if (hasCrlf) add('the body with its CRLF line ends turned into LF', text.replace(/\r\n/g, '\n'));
    // The reverse trip: a body saved on Windows, or by a tool that normalises line ends.
    if (!hasCrlf && text.includes('\n')) add('the body with its LF line ends turned into CRLF', text.replace(/\n/g, '\r\n'));
  }
  let compact: Uint8Array | undefined;
  if (json) {
    const compactText = JSON.stringify(parsed);
    compact = utf8(compactText);
    add('the compact JSON form of the body (what JSON.stringify(JSON.parse(body)) gives)', compactText);
    add('the body as JSON indented with 2 spaces', JSON.stringify(parsed, null, 2));
    add('the body as JSON indented with 4 spaces', JSON.stringify(parsed, null, 4));
    add('the body as JSON indented with tabs', JSON.stringify(parsed, null, '\t'));
  }
  const differsFromCompact = compact !== undefined && !sameBytes(compact, body);
  return {
    shape: {
      utf8: text !== undefined,
      json,
      differsFromCompact,
      compactBytes: compact?.byteLength,
      firstDifference: differsFromCompact ? firstDifference(body, compact!) : undefined,
      endsWithNewline,
      hasCrlf,
    },
    variants,
  };
}
