import { decodeUtf8 } from '../../core/encoding.js';
import type { VerificationErrorCode } from '../../core/errors.js';
import { HEADER_MALFORMED, HEADER_MISSING, HEADER_REPEATED, MAX_HEADER_LENGTH, readHeader } from '../../core/headers.js';
import { decodeSecrets, type SecretEncoding } from '../../core/secrets.js';
import { composeSender } from '../../core/scheme/compose-sender.js';
import { SECRET_FORMS } from '../../core/scheme/keys/secret-forms.js';
import { body } from '../../core/scheme/sources/body.js';
import { formatTimestamp, windowPosition, type TimestampFormat } from '../../core/timestamps.js';
import type { VerificationFailure } from '../../core/verifier.js';
import { bodyVariants, MAX_INDENTED_LENGTH, MAX_RESERIALIZED_DEPTH, type BodyVariant } from './body-variants.js';
import { describeSignatureHeader } from './describe-signature-header.js';
import { formatDuration } from './format-duration.js';
import { otherSendersPresent, requiredHeaders, signatureHeaderOf } from './required-headers.js';
import { verifyWith, type VerifyRun } from './verify-run.js';

/** The verification steps, in the order the verifier takes them. */
export const VERIFY_STEPS = ['body-size', 'headers', 'header-format', 'replay-window', 'signature', 'body'] as const;
export type VerifyStep = (typeof VERIFY_STEPS)[number];

const STEP_OF: Readonly<Record<VerificationErrorCode, VerifyStep>> = {
  body_too_large: 'body-size',
  missing_header: 'headers',
  malformed_header: 'header-format',
  timestamp_too_old: 'replay-window',
  timestamp_in_future: 'replay-window',
  invalid_signature: 'signature',
  no_active_secret: 'signature',
  unsupported_encoding: 'signature',
  invalid_body: 'body',
};

/** Why a delivery was refused: the verifier's verdict, then the CLI's diagnosis of it. */
export interface Explanation {
  readonly step: VerifyStep;
  readonly code: VerificationErrorCode;
  /** The verifier's own message. */
  readonly message: string;
  /** Facts established about the delivery, most telling first. */
  readonly reasons: string[];
  /** What to try next. */
  readonly hints: string[];
  /** The same facts as data, for `--json`. */
  readonly details: Record<string, unknown>;
}

const FORMAT_EXAMPLES: Readonly<Record<TimestampFormat, string>> = {
  rfc3339: 'an RFC 3339 date-time such as 2026-11-23T12:00:00Z',
  'unix-seconds': 'whole seconds since 1970 such as 1795435200',
  'unix-millis': 'whole milliseconds since 1970 such as 1795435200000',
};

function headerValues(run: VerifyRun, name: string): string[] {
  const value = run.headers[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function describeBadHeader(run: VerifyRun, name: string): string {
  const values = headerValues(run, name);
  if (values.length > 1) return `the ${name} header was sent ${values.length} times; it must be sent once`;
  const length = values[0]?.length ?? 0;
  if (length > MAX_HEADER_LENGTH) return `the ${name} header is ${length} characters long, over the ${MAX_HEADER_LENGTH} limit`;
  return `the ${name} header cannot be read`;
}

/** A parameter's value in its header, read loosely: only to describe what arrived. */
function parameterValue(run: VerifyRun, header: string, name: string): string | undefined {
  const spec = run.sender.signature;
  const value = readHeader(run.headers, header);
  if (typeof value !== 'string' || spec.kind !== 'header-parameters') return undefined;
  const pair = value.split(spec.pairSeparator).map((item) => item.trim()).find((item) => item.startsWith(`${name}${spec.kvSeparator}`));
  return pair?.slice(name.length + spec.kvSeparator.length).trim();
}

function timestampSource(run: VerifyRun): { label: string; value: string | undefined; ms: number | undefined } | undefined {
  const spec = run.sender.timestamp;
  if (!spec) return undefined;
  const source = spec.source;
  let raw: unknown;
  if (source.kind === 'header') {
    const value = readHeader(run.headers, source.name);
    raw = typeof value === 'string' ? value : undefined;
  } else if (source.kind === 'parameter') raw = parameterValue(run, source.header, source.name);
  else if (source.kind === 'body-field') {
    // A body timestamp is reached only after the signature held, so reading the body here is safe.
    const text = decodeUtf8(run.body);
    try {
      raw = text === undefined ? undefined : source.read(JSON.parse(text));
    } catch {
      raw = undefined;
    }
  }
  const value = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : undefined;
  return { label: source.label, value, ms: raw === undefined ? undefined : spec.parse(raw) };
}

function describeMalformedTimestamp(value: string, format: TimestampFormat): string {
  let guess = '';
  if (format === 'rfc3339' && /^\d{9,13}$/.test(value)) guess = '; it looks like a Unix time';
  else if (format === 'unix-seconds' && /^\d{13}$/.test(value)) guess = '; it looks like milliseconds, not seconds';
  else if (format !== 'rfc3339' && /^\d{4}-\d{2}-\d{2}/.test(value)) guess = '; it looks like an ISO date';
  return `${JSON.stringify(value.slice(0, 64))} is not ${FORMAT_EXAMPLES[format]}${guess}`;
}

function explainMissing(run: VerifyRun, reasons: string[], hints: string[], details: Record<string, unknown>): void {
  const missing = requiredHeaders(run.sender).filter(({ name }) => readHeader(run.headers, name) === HEADER_MISSING);
  for (const { name, role } of missing) reasons.push(`the ${name} header is missing (${role})`);
  details['missingHeaders'] = missing.map(({ name }) => name);
  const present = Object.keys(run.headers);
  details['presentHeaders'] = present;
  if (present.length === 0) hints.push('no headers were read at all: check the headers file or the -H options');
  else hints.push(`headers present: ${present.slice(0, 16).join(', ')}${present.length > 16 ? ', ...' : ''}`);
}

function explainMalformed(run: VerifyRun, reasons: string[], details: Record<string, unknown>): void {
  for (const { name } of requiredHeaders(run.sender)) {
    const value = readHeader(run.headers, name);
    if (value === HEADER_MALFORMED || value === HEADER_REPEATED) reasons.push(describeBadHeader(run, name));
  }
  const header = signatureHeaderOf(run.sender);
  const signature = header === undefined ? undefined : readHeader(run.headers, header);
  if (typeof signature === 'string') {
    const report = describeSignatureHeader(run.sender, signature);
    details['signatures'] = report.signatures;
    for (const problem of report.problems) reasons.push(`${header}: ${problem}`);
    if (report.signatures + report.otherVersions + report.problems.length > 16) {
      reasons.push(`${header} carries more than 16 signatures`);
    }
  }
  const ts = run.sender.timestamp;
  const source = timestampSource(run);
  if (ts && source?.value !== undefined && source.ms === undefined) {
    reasons.push(`${source.label}: ${describeMalformedTimestamp(source.value, ts.format)}`);
  }
}

async function explainWindow(run: VerifyRun, reasons: string[], hints: string[], details: Record<string, unknown>): Promise<void> {
  const source = timestampSource(run);
  if (source?.ms !== undefined) {
    const skew = run.nowMs - source.ms;
    // The same edges as the verifier's own check (both inclusive).
    const past = windowPosition(source.ms, run.nowMs, run.toleranceMs) === 'too_old';
    const beyond = Math.abs(skew) - run.toleranceMs;
    const now = formatTimestamp(run.nowMs, 'rfc3339');
    const window = formatDuration(run.toleranceMs);
    reasons.push(
      past
        ? `${source.label} (${source.value}) is ${formatDuration(skew)} before now (${now}): ${formatDuration(beyond)} too old for the ${window} replay window`
        : `${source.label} (${source.value}) is ${formatDuration(-skew)} after now (${now}): ${formatDuration(beyond)} too far in the future for the ${window} replay window`,
    );
    details['timestamp'] = source.value;
    details['skewMs'] = skew;
    details['beyondWindowMs'] = beyond;
    details['direction'] = past ? 'past' : 'future';
    if (!past) hints.push("this machine's clock is behind the sender's, or the sender's is ahead: sync clocks with NTP");
  }
  // The window is checked before the signature; say whether the signature would have held.
  const unwindowed = await verifyWith(run, { ignoreReplayWindow: true });
  details['signatureValidIgnoringWindow'] = unwindowed.ok;
  if (unwindowed.ok) {
    reasons.push('the signature itself is valid: only the time is wrong');
    if (source?.value !== undefined && source.ms !== undefined && run.nowMs - source.ms > 0) {
      hints.push(`if this is a delivery captured earlier, check it as of its arrival: --now ${source.value}`);
    }
  } else {
    const next = await explainFailure(run, unwindowed, { ignoreReplayWindow: true });
    reasons.push(`with the replay window ignored it would still fail at the ${next.step} step (${next.code}):`);
    reasons.push(...next.reasons.map((reason) => `  ${reason}`));
    hints.push(...next.hints);
    details['then'] = { step: next.step, code: next.code, details: next.details };
  }
}

const ENCODINGS: readonly SecretEncoding[] = ['utf8', 'hex', 'base64', 'whsec'];
const ENCODING_WORDS: Readonly<Record<SecretEncoding, string>> = {
  utf8: 'its UTF-8 text',
  hex: 'hex-decoded bytes',
  base64: 'base64-decoded bytes',
  whsec: 'a whsec_ base64 key',
};

/** A common way a correct secret is given wrongly, found by verifying with the corrected key. */
interface SecretMistake {
  readonly kind: 'whitespace' | 'encoding';
  readonly reason: string;
}

async function findSecretMistake(run: VerifyRun, options: ExplainOptions): Promise<SecretMistake | undefined> {
  const form = run.sender.algorithm.key;
  // A public key is not a secret that could have been pasted in the wrong encoding.
  if (form.public) return undefined;
  const encoding = form.encoding as SecretEncoding;
  const attempt = async (secret: string | Uint8Array) =>
    (await verifyWith(run, { secrets: [secret], ignoreReplayWindow: options.ignoreReplayWindow })).ok;
  for (const input of run.secrets) {
    const entry = typeof input === 'object' && !(input instanceof Uint8Array) ? input : { secret: input, label: undefined };
    if (typeof entry.secret !== 'string') continue;
    const name = entry.label ?? 'the secret';
    // UTF-8 secrets are used as given, so a space or newline pasted along becomes part of the key.
    const trimmed = entry.secret.trim();
    if (trimmed !== entry.secret && trimmed.length > 0 && (await attempt(trimmed))) {
      return { kind: 'whitespace', reason: `the signature matches once the whitespace around ${name} is removed: it was copied with surrounding spaces or a line break` };
    }
    for (const other of ENCODINGS) {
      if (other === encoding) continue;
      let key: Uint8Array;
      try {
        key = decodeSecrets(trimmed, SECRET_FORMS[other])[0]!.key;
      } catch {
        continue;
      }
      if (await attempt(key)) {
        return {
          kind: 'encoding',
          reason: `the signature matches when ${name} is used as ${ENCODING_WORDS[other]} instead of ${ENCODING_WORDS[encoding]}, as ${run.sender.name} specifies: the sender is set up differently from ${run.sender.name}'s scheme`,
        };
      }
    }
  }
  return undefined;
}

/**
 * Whether the signature covers the raw body alone: a sender (or a proxy re-signing) that leaves
 * out the headers the scheme signs, e.g. Peridio's published-at prefix.
 */
async function signsBodyAlone(run: VerifyRun, options: ExplainOptions): Promise<string | undefined> {
  const { name, signature, algorithm, body: kind, signedParts } = run.sender;
  const headers = signedParts.flatMap((part) => (part.kind === 'header' ? [part.name] : []));
  if (headers.length === 0 || signature.readsBody) return undefined;
  const bodyOnly = composeSender({ name, signatures: signature, signed: [body], algorithm, body: kind });
  const outcome = await verifyWith(run, { sender: bodyOnly, ignoreReplayWindow: options.ignoreReplayWindow });
  return outcome.ok
    ? `the signature covers the body alone, without ${headers.join(' and ')}: the sender signs differently from ${run.sender.name}'s scheme`
    : undefined;
}

function emptyBody(run: VerifyRun): string {
  return `${run.bodySource ?? 'the body'} is empty (0 bytes)`;
}

async function explainSignature(run: VerifyRun, options: ExplainOptions, reasons: string[], hints: string[], details: Record<string, unknown>): Promise<void> {
  const header = signatureHeaderOf(run.sender) ?? run.sender.signature.label;
  const value = readHeader(run.headers, header);
  const report = typeof value === 'string' ? describeSignatureHeader(run.sender, value) : undefined;
  const count = report?.signatures ?? 0;
  const secrets = run.secrets.length;
  details['signatures'] = count;
  details['secrets'] = secrets;
  // Reasons go out by likelihood, so facts are gathered first: a cause that verifying again
  // confirmed leads, else an empty body (nearly always a capture gone wrong), then the facts.
  const facts: string[] = [];
  const given = secrets === 1 ? 'the secret' : `any of the ${secrets} secrets`;
  facts.push(
    (count === 1 ? `the one signature in ${header} does not match ${given} given` : `none of the ${count} signatures in ${header} matches ${given} given`) +
      (report && report.otherVersions > 0 ? ` (${report.otherVersions} entr${report.otherVersions === 1 ? 'y' : 'ies'} of another scheme version skipped)` : ''),
  );
  if (count === 2 && (run.sender.signature.kind !== 'header' || run.sender.signature.separator !== undefined)) {
    hints.push('two signatures means the sender is rolling its secret: either the old or the new secret should match');
  }

  const { shape, variants } = bodyVariants(run.body);
  details['bodyBytes'] = run.body.byteLength;
  details['bodyIsJson'] = shape.json;
  if (shape.nestingDepth !== undefined) details['bodyNestingDepth'] = shape.nestingDepth;
  const empty = run.body.byteLength === 0;
  const contentLength = readHeader(run.headers, 'content-length');
  if (typeof contentLength === 'string' && /^\d+$/.test(contentLength) && Number(contentLength) !== run.body.byteLength) {
    facts.push(`content-length says ${contentLength} bytes but the body has ${run.body.byteLength}: these are not the bytes that were received`);
    details['contentLength'] = Number(contentLength);
  }
  const lead = (cause: string): void => void reasons.push(cause, ...facts);

  let matched: BodyVariant | undefined;
  for (const variant of variants) {
    const outcome = await verifyWith(run, { body: variant.bytes, ignoreReplayWindow: options.ignoreReplayWindow });
    if (outcome.ok) {
      matched = variant;
      break;
    }
  }
  details['matchingBodyVariant'] = matched?.name ?? null;
  const compactFact = `the body is valid JSON but not byte-identical to its compact form (${run.body.byteLength} bytes, compact ${shape.compactBytes}; first difference at byte ${shape.firstDifference}): typical of a body that was re-serialized or pretty-printed`;
  if (shape.json) details['bodyDiffersFromCompact'] = shape.differsFromCompact;
  if (matched) {
    // Said only when it supports the cause: beside a stripped newline it would mislead.
    if (shape.differsFromCompact && matched.kind === 'json') facts.push(compactFact);
    lead(matched.cause);
    hints.push(matched.hint);
    return;
  }
  if (shape.differsFromCompact) facts.push(compactFact);
  if (shape.jsonForms === 'none') {
    facts.push(
      `the body nests ${shape.nestingDepth} levels deep, past the ${MAX_RESERIALIZED_DEPTH} levels to which its compact and indented JSON forms are tried: those re-serializations were not checked`,
    );
  } else if (shape.jsonForms === 'compact') {
    facts.push(`the body's indented JSON forms would be over ${MAX_INDENTED_LENGTH / 1024 / 1024} MiB: of its re-serializations, only the compact form was tried`);
  }
  if (variants.length > 0) {
    facts.push(`no re-serialization of the body verifies either (tried ${variants.length}: ${variants.map((v) => v.name.replace(/ \(.*\)$/, '')).join('; ')})`);
  }
  const mistake = await findSecretMistake(run, options);
  details['secretMistake'] = mistake?.kind ?? null;
  if (mistake) {
    lead(mistake.reason);
    return;
  }
  const bodyAlone = await signsBodyAlone(run, options);
  details['signsBodyAlone'] = bodyAlone !== undefined;
  if (bodyAlone) {
    lead(bodyAlone);
    return;
  }
  if (empty) {
    lead(`${emptyBody(run)}, so no signature over the body the sender sent can match it: was the capture cut short, or is this the wrong file?`);
    hints.push('capture the body again, byte for byte: curl -o FILE or the proxy\'s raw log saves it, curl --data-binary @FILE sends it');
    return;
  }
  reasons.push(...facts);
  hints.push(
    `check the secret: each ${run.sender.name} webhook has its own, and a rolled secret replaces the old one after its transition window`,
  );
}

function explainBody(run: VerifyRun, reasons: string[], details: Record<string, unknown>): void {
  reasons.push('the signature is valid');
  if (run.body.byteLength === 0) {
    reasons.push(`${emptyBody(run)}: the sender signed an empty body, which is not JSON`);
    return;
  }
  const text = decodeUtf8(run.body);
  if (text === undefined) {
    reasons.push('the body is not valid UTF-8 text');
    return;
  }
  try {
    JSON.parse(text);
  } catch (error) {
    reasons.push(`the body is not JSON: ${(error as Error).message}`);
    return;
  }
  const spec = run.sender.timestamp;
  const source = timestampSource(run);
  if (spec && source) {
    reasons.push(
      source.value === undefined
        ? `${source.label} is missing`
        : `${source.label}: ${describeMalformedTimestamp(source.value, spec.format)}`,
    );
    details['timestamp'] = source.value ?? null;
  }
}

/** Options of {@link explainFailure}. */
export interface ExplainOptions {
  /** Set when explaining what fails once the replay window is set aside. */
  readonly ignoreReplayWindow?: boolean;
}

/**
 * Turns a refusal into the step that failed and the facts behind it. The verdict is the
 * verifier's; this only looks closer, using the same header, timestamp and encoding helpers.
 */
export async function explainFailure(run: VerifyRun, failure: VerificationFailure, options: ExplainOptions = {}): Promise<Explanation> {
  const reasons: string[] = [];
  const hints: string[] = [];
  const details: Record<string, unknown> = {};
  switch (failure.code) {
    case 'body_too_large':
      reasons.push(`the body is ${run.body.byteLength} bytes, over the ${run.maxBodyBytes}-byte limit (--max-body-bytes)`);
      break;
    case 'missing_header':
      explainMissing(run, reasons, hints, details);
      break;
    case 'malformed_header':
      explainMalformed(run, reasons, details);
      break;
    case 'timestamp_too_old':
    case 'timestamp_in_future':
      await explainWindow(run, reasons, hints, details);
      break;
    case 'invalid_signature':
      await explainSignature(run, options, reasons, hints, details);
      break;
    case 'invalid_body':
      explainBody(run, reasons, details);
      break;
    case 'no_active_secret':
      break;
    case 'unsupported_encoding': {
      const coding = readHeader(run.headers, 'content-encoding');
      reasons.push(
        `the content-encoding header says the body is encoded (${typeof coding === 'string' ? JSON.stringify(coding.slice(0, 32)) : 'unreadable'}) and these bytes do not verify as they are`,
      );
      hints.push('verify the bytes the sender signed: save the body after decompressing it (curl --compressed), or ask the sender not to compress');
      break;
    }
  }
  if (reasons.length === 0) reasons.push(failure.message);
  const others = otherSendersPresent(run.sender, Object.keys(run.headers));
  if (others.length > 0 && failure.code !== 'body_too_large') {
    hints.push(`the delivery carries the signature header of ${others.join(' and ')}: try \`hookverify verify ${others[0]}\``);
  }
  return { step: STEP_OF[failure.code], code: failure.code, message: failure.message, reasons, hints, details };
}
