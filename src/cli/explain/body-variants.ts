import { decodeUtf8, utf8 } from '../../core/encoding.js';
import { indentedLengthBound, measureJson } from './measure-json.js';

/**
 * The deepest JSON whose compact and indented forms are tried. JSON.stringify recurses and
 * overflows Node's stack at about 4,000 levels; signed webhook bodies nest a dozen levels, and an
 * indented form of anything much deeper would be mostly indentation.
 */
export const MAX_RESERIALIZED_DEPTH = 1000;

/**
 * The longest indented form tried, in characters. A wide body indents to many times its size
 * (each of a million elements ten levels down gains forty spaces); past this, only the compact
 * form is tried, rather than building, encoding and hashing hundreds of megabytes.
 */
export const MAX_INDENTED_LENGTH = 32 * 1024 * 1024;

/** A plausible earlier form of a body that was altered on its way to the verifier. */
export interface BodyVariant {
  /** How the variant differs from the body as given, e.g. "the compact JSON form of the body". */
  readonly name: string;
  readonly bytes: Uint8Array;
  /** An edit of the line ends (a final newline, CRLF), or a JSON re-serialization. */
  readonly kind: 'line-ends' | 'json';
  /** What happened to the body if this variant verifies: said first, as the likeliest cause. */
  readonly cause: string;
  /** What to do about it. */
  readonly hint: string;
}

/** What the body is, as far as re-serialization is concerned. */
export interface BodyShape {
  readonly utf8: boolean;
  readonly json: boolean;
  /** How deeply arrays and objects nest, for a JSON body. */
  readonly nestingDepth: number | undefined;
  /**
   * Which JSON re-serializations were tried: none past {@link MAX_RESERIALIZED_DEPTH}, only the
   * compact form past {@link MAX_INDENTED_LENGTH}; undefined for a body that is not JSON.
   */
  readonly jsonForms: 'all' | 'compact' | 'none' | undefined;
  /** Valid JSON, but not byte-identical to `JSON.stringify(JSON.parse(body))`; unknown past {@link MAX_RESERIALIZED_DEPTH}. */
  readonly differsFromCompact: boolean;
  readonly compactBytes: number | undefined;
  /** First byte offset where body and its compact form differ. */
  readonly firstDifference: number | undefined;
  readonly endsWithNewline: boolean;
  readonly hasCrlf: boolean;
}

const SAVE_AS_RECEIVED = "save the body exactly as received (curl -o FILE, or the proxy's raw capture), not through an editor or the clipboard";
const VERIFY_RAW_BYTES = 'verify the raw request bytes, before any body parser runs (express.raw(), request.arrayBuffer())';

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

function reserialized(name: string): Omit<BodyVariant, 'bytes'> {
  return {
    name,
    kind: 'json',
    cause: `${name} verifies: the bytes checked are not the bytes that were signed. Something re-serialized the body on its way (a JSON body parser followed by JSON.stringify, a proxy, a logger or an editor)`,
    hint: VERIFY_RAW_BYTES,
  };
}

/**
 * The forms a signed body commonly takes after being re-serialized or saved: a diagnosis
 * verifies each with the real verifier, and a match says what happened to the body.
 */
export function bodyVariants(body: Uint8Array): { shape: BodyShape; variants: BodyVariant[] } {
  const text = decodeUtf8(body);
  const variants: BodyVariant[] = [];
  const add = (variant: Omit<BodyVariant, 'bytes'>, variantText: string): void => {
    const bytes = utf8(variantText);
    if (!sameBytes(bytes, body) && !variants.some((v) => sameBytes(v.bytes, bytes))) variants.push({ ...variant, bytes });
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
  if (text !== undefined && text.length > 0) {
    if (endsWithNewline) {
      add(
        {
          kind: 'line-ends',
          name: 'the body without its final newline',
          cause: 'the body ends with a newline the sender did not sign: without it, it verifies. An editor or `echo` adds one when a body is saved',
          hint: SAVE_AS_RECEIVED,
        },
        text.replace(/\r?\n$/, ''),
      );
    } else {
      add(
        {
          kind: 'line-ends',
          name: 'the body with a final newline added',
          cause: 'the body lacks the final newline the sender signed: with it, it verifies. Did an editor or the capture strip it?',
          hint: SAVE_AS_RECEIVED,
        },
        `${text}${hasCrlf ? '\r\n' : '\n'}`,
      );
    }
    if (hasCrlf) {
      add(
        {
          kind: 'line-ends',
          name: 'the body with its CRLF line ends turned into LF',
          cause: 'the body has CRLF line ends where the sender signed LF: with LF, it verifies. An editor or a tool that normalises line ends changed them',
          hint: SAVE_AS_RECEIVED,
        },
        text.replace(/\r\n/g, '\n'),
      );
    }
    // The reverse trip: a body saved on Windows, or by a tool that normalises line ends.
    if (!hasCrlf && text.includes('\n')) {
      add(
        {
          kind: 'line-ends',
          name: 'the body with its LF line ends turned into CRLF',
          cause: 'the body has LF line ends where the sender signed CRLF: with CRLF, it verifies. An editor, git or a proxy normalised them',
          hint: SAVE_AS_RECEIVED,
        },
        text.replace(/\n/g, '\r\n'),
      );
    }
  }
  const measure = json ? measureJson(text!) : undefined;
  let jsonForms: BodyShape['jsonForms'] = measure && (measure.depth > MAX_RESERIALIZED_DEPTH ? 'none' : 'compact');
  let compact: Uint8Array | undefined;
  if (jsonForms === 'compact') {
    const compactText = JSON.stringify(parsed);
    compact = utf8(compactText);
    add(reserialized('the compact JSON form of the body (what JSON.stringify(JSON.parse(body)) gives)'), compactText);
    // The widest indent bounds them all (a tab is one character).
    if (indentedLengthBound(text!, measure!, 4) <= MAX_INDENTED_LENGTH) {
      jsonForms = 'all';
      add(reserialized('the body as JSON indented with 2 spaces'), JSON.stringify(parsed, null, 2));
      add(reserialized('the body as JSON indented with 4 spaces'), JSON.stringify(parsed, null, 4));
      add(reserialized('the body as JSON indented with tabs'), JSON.stringify(parsed, null, '\t'));
    }
  }
  const differsFromCompact = compact !== undefined && !sameBytes(compact, body);
  return {
    shape: {
      utf8: text !== undefined,
      json,
      nestingDepth: measure?.depth,
      jsonForms,
      differsFromCompact,
      compactBytes: compact?.byteLength,
      firstDifference: differsFromCompact ? firstDifference(body, compact!) : undefined,
      endsWithNewline,
      hasCrlf,
    },
    variants,
  };
}
