import { inputError } from './cli-error.js';

/** Headers as captured: a name may appear several times, as on the wire. */
export type CapturedHeaders = Record<string, string[]>;

const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)[ \t]*$/;
// A request line ("POST /webhooks HTTP/1.1") or a status line heads many captures.
const START_LINE = /^(?:[A-Z]+ \S+ HTTP\/\d(?:\.\d)?|HTTP\/\d(?:\.\d)? \d{3}\b.*)$/;

function add(headers: CapturedHeaders, name: string, value: string): void {
  const key = name.toLowerCase();
  (headers[key] ??= []).push(value);
}

/** Parses `Name: value` lines (as from `curl -v`, a proxy log or a request dump). */
export function parseHeaderLines(text: string, source: string, into: CapturedHeaders = {}): CapturedHeaders {
  const lines = text.split(/\r?\n/);
  let seenHeader = false;
  for (let index = 0; index < lines.length; index++) {
    // curl -v marks request lines with "> ".
    const line = lines[index]!.replace(/^>(?: |$)/, '');
    if (line.trim().length === 0) {
      if (seenHeader) break;
      continue;
    }
    if (!seenHeader && START_LINE.test(line)) continue;
    const match = HEADER_LINE.exec(line);
    if (!match) throw inputError(`${source}, line ${index + 1}: expected "Name: value", got ${JSON.stringify(line.slice(0, 60))}`);
    add(into, match[1]!, match[2]!);
    seenHeader = true;
  }
  return into;
}

/** Parses a JSON object of header names to a string or an array of strings. */
export function parseHeaderJson(text: string, source: string): CapturedHeaders {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw inputError(`${source} is not valid JSON: ${(error as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw inputError(`${source} must be a JSON object of header names to values`);
  }
  const headers: CapturedHeaders = {};
  for (const [name, raw] of Object.entries(value)) {
    const list: unknown[] = Array.isArray(raw) ? raw : [raw];
    for (const item of list) {
      if (typeof item !== 'string') throw inputError(`${source}: header ${JSON.stringify(name)} must be a string or an array of strings`);
      add(headers, name, item);
    }
  }
  return headers;
}

/** A headers file holds either JSON or raw header lines; the first character tells which. */
export function parseHeadersFile(text: string, source: string): CapturedHeaders {
  return text.trimStart().startsWith('{') ? parseHeaderJson(text, source) : parseHeaderLines(text, source);
}

/** Splits a raw HTTP request capture into its header text and its exact body bytes. */
export function splitRequest(bytes: Uint8Array): { head: string; body: Uint8Array } {
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0x0a) continue;
    // The header section ends at the first empty line, "\n\n" or "\r\n\r\n".
    const next = bytes[i + 1] === 0x0d ? i + 2 : i + 1;
    if (bytes[next] === 0x0a && i > 0) {
      return { head: new TextDecoder().decode(bytes.subarray(0, i)), body: bytes.subarray(next + 1) };
    }
  }
  return { head: new TextDecoder().decode(bytes), body: new Uint8Array(0) };
}

/** Single headers as a plain record for the verifier; repeated ones stay arrays, as Node gives them. */
export function toHeadersInput(headers: CapturedHeaders): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const [name, values] of Object.entries(headers)) record[name] = values.length === 1 ? values[0]! : values;
  return record;
}
