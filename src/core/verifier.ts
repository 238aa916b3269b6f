import type { CryptoBackend } from '../crypto/backend.js';
import { defaultCryptoBackend } from '../crypto/default.js';
import { DEFAULT_MAX_BODY_BYTES, exceedsLimit, toBodyData, type BodyData, type RawBody } from './body.js';
import { BODY_KIND_NOUNS, BODY_READERS, NOT_OF_KIND, type BodyKind } from './body-kind.js';
import { durationToMs, type Duration } from './duration.js';
import { decodeBase64Into, decodeHexInto, encodeHex } from './encoding.js';
import { ConfigurationError, WebhookVerificationError, type VerificationErrorCode } from './errors.js';
import { HEADER_MISSING, readHeader, type HeadersInput } from './headers.js';
import { decodeSecrets, type MatchedSecret, type SecretInput } from './secrets.js';
import { checkBodyKind, type Sender } from './sender.js';
import { parseTimestamp, windowPosition, type TimestampFormat } from './timestamps.js';

/**
 * What a verifier needs from a request: its raw body and its headers.
 *
 * @example
 * ```ts
 * import type { DeliveryInput } from 'hookverify';
 * import { readRequestBody } from 'hookverify/fetch';
 *
 * // readRequestBody stops at 1 MiB; request.arrayBuffer() would hold a body of any size.
 * const input: DeliveryInput = { body: await readRequestBody(request), headers: request.headers };
 * const delivery = await verifier.verify(input);
 * ```
 */
export interface DeliveryInput {
  /** The raw bytes as received. A parsed object is refused with `invalid_body`. */
  readonly body: RawBody;
  readonly headers: HeadersInput;
}

/**
 * A delivery whose signature, timestamp and body have been checked.
 *
 * @example
 * ```ts
 * import type { VerifiedDelivery } from 'hookverify';
 *
 * const delivery: VerifiedDelivery = await verifier.verify({ body, headers });
 * console.log(delivery.sender, delivery.id, delivery.eventType, delivery.timestamp?.toISOString(), delivery.payload);
 * ```
 */
export interface VerifiedDelivery<Payload = unknown> {
  /** The sender's name, e.g. `"peridio"`. */
  readonly sender: string;
  /**
   * The body as its kind says (see {@link BodyKind}): the parsed JSON (the default), the text,
   * or the bytes.
   */
  readonly payload: Payload;
  /** The dedupe id (Peridio: the event PRN; Standard Webhooks: `webhook-id`), if the sender has one. */
  readonly id: string | undefined;
  /**
   * The event type, when the sender definition says where it is (`eventType`), e.g. GitHub's
   * `x-github-event` header; undefined otherwise (Peridio's and EdgeSense's are in the payload,
   * read by their catalogs).
   */
  readonly eventType: string | undefined;
  /** When the sender signed the delivery (Peridio: `peridio-published-at`), if it says. */
  readonly timestamp: Date | undefined;
  /** Which configured secret verified it. */
  readonly matchedSecret: MatchedSecret;
}

/**
 * The signature-only result of {@link Verifier.verifySignature}.
 *
 * @example
 * ```ts
 * import type { VerifiedSignature } from 'hookverify';
 *
 * const result = await verifier.verifySignature({ body, headers });
 * if (!('code' in result)) {
 *   const signature: VerifiedSignature = result;
 *   console.log('signed with secret', signature.matchedSecret.index);
 * }
 * ```
 */
export interface VerifiedSignature {
  readonly sender: string;
  readonly timestamp: Date | undefined;
  readonly matchedSecret: MatchedSecret;
}

/**
 * A refused delivery, as a value: what `safeVerify` returns instead of throwing.
 *
 * @example
 * ```ts
 * import type { VerificationFailure } from 'hookverify';
 *
 * const outcome = await verifier.safeVerify({ body, headers });
 * if (!outcome.ok) {
 *   const failure: VerificationFailure = outcome;
 *   console.warn(failure.code, failure.message);
 * }
 * ```
 */
export interface VerificationFailure {
  readonly ok: false;
  readonly code: VerificationErrorCode;
  readonly message: string;
}

/**
 * The result of {@link Verifier.safeVerify}.
 *
 * @example
 * ```ts
 * import type { VerifyOutcome } from 'hookverify';
 *
 * const outcome: VerifyOutcome = await verifier.safeVerify({ body, headers });
 * return outcome.ok ? new Response(null, { status: 200 }) : Response.json({ error: outcome.code }, { status: 401 });
 * ```
 */
export type VerifyOutcome<Payload = unknown> =
  | { readonly ok: true; readonly delivery: VerifiedDelivery<Payload> }
  | VerificationFailure;

/**
 * Options shared by every verifier.
 *
 * @example
 * ```ts
 * import { createVerifier, type VerifierOptions } from 'hookverify';
 * import { peridio } from 'hookverify/peridio';
 *
 * const options: VerifierOptions = {
 *   secrets: [{ secret: process.env.PERIDIO_SECRET!, label: 'current' }],
 *   tolerance: '5m',
 *   maxBodyBytes: 256 * 1024,
 * };
 * const verifier = createVerifier(peridio, options);
 * ```
 */
export interface VerifierOptions {
  /** One secret. Give either `secret` or `secrets`. */
  readonly secret?: SecretInput | undefined;
  /** Several secrets, e.g. during a rotation; each may carry a `label` and a `notAfter`. */
  readonly secrets?: readonly SecretInput[] | undefined;
  /** Replay window, both into the past and the future. Default: the sender's `tolerance`, else `"5m"`. */
  readonly tolerance?: Duration;
  /**
   * Turns the replay window off. Never the default: without it a captured delivery can be
   * replayed for ever. Use only for senders you trust to be replay-safe in another way.
   */
  readonly unsafeDisableReplayCheck?: boolean;
  /** The current time, for tests. Default `Date.now`. */
  readonly now?: () => number | Date;
  /** Largest body accepted, in bytes, checked before any hashing. Default 1 MiB. */
  readonly maxBodyBytes?: number;
  /**
   * What the body is, overriding the sender's `body`: `"json"` (default), `"text"` or `"bytes"`.
   * Not `"json"` only for senders that read nothing from the body (no `bodyField`).
   */
  readonly body?: BodyKind;
  /** Crypto implementation. Default: node:crypto where available, else Web Crypto. */
  readonly backend?: CryptoBackend;
}

/**
 * Verifies deliveries of one sender. Build it once (keys are imported once) and share it.
 *
 * @example
 * ```ts
 * import type { Verifier } from 'hookverify';
 * import { createPeridioVerifier } from 'hookverify/peridio';
 *
 * const verifier: Verifier = createPeridioVerifier({ secret: process.env.PERIDIO_WEBHOOK_SECRET });
 * const outcome = await verifier.safeVerify({ body, headers });
 * ```
 */
export interface Verifier<Payload = unknown> {
  /** The sender this verifier checks. */
  readonly sender: Sender;
  /**
   * Verifies signature, replay window and body (JSON unless the sender or the options say
   * otherwise); rejects with a {@link WebhookVerificationError}.
   */
  verify(input: DeliveryInput): Promise<VerifiedDelivery<Payload>>;
  /** Like `verify`, but resolves to `{ ok: false, code, message }` instead of rejecting. */
  safeVerify(input: DeliveryInput): Promise<VerifyOutcome<Payload>>;
  /**
   * Checks only the signature and a header timestamp, without parsing the body. For senders
   * whose timestamp is inside the body (EdgeSense) the replay window is not checked: use `verify`.
   */
  verifySignature(input: DeliveryInput): Promise<VerifiedSignature | VerificationFailure>;
}

const DEFAULT_TOLERANCE: Duration = '5m';
// Real senders put one or two signatures in a header; a long list only costs comparisons.
const MAX_SIGNATURES = 16;
const DIGEST_BYTES = 32;
// What findKey reports when no key matched; key positions are >= 0.
const NO_MATCH = -1;
const NO_ACTIVE_KEY = -2;

function fail(code: VerificationErrorCode, message: string): VerificationFailure {
  return Object.freeze({ ok: false as const, code, message });
}

function buildFailures(sender: Sender, toleranceMs: number, bodyKind: BodyKind) {
  const sig = sender.signature.header;
  const ts = sender.timestamp;
  const tsName = ts && 'header' in ts ? `the ${ts.header} header` : `the body's "${ts?.bodyField}" field`;
  const seconds = Math.round(toleranceMs / 1000);
  return {
    missing_header: fail('missing_header', `the ${sig} header is missing; is this a ${sender.name} delivery?`),
    malformed_header: fail('malformed_header', `the ${sig} header is not in ${sender.name}'s format`),
    timestamp_too_old: fail(
      'timestamp_too_old',
      `${tsName} is more than ${seconds}s in the past: a replay, or this server's clock is ahead of the sender's (use NTP)`,
    ),
    timestamp_in_future: fail(
      'timestamp_in_future',
      `${tsName} is more than ${seconds}s in the future: this server's clock is behind the sender's (use NTP)`,
    ),
    invalid_signature: fail(
      'invalid_signature',
      `no signature in the ${sig} header matches an active secret; check the secret, and pass the raw ` +
        'request bytes: a body that was parsed and re-serialized no longer matches what was signed',
    ),
    no_active_secret: fail('no_active_secret', 'every configured secret is past its notAfter; add the current one'),
    invalid_body: fail('invalid_body', `the body is signed correctly but is not ${BODY_KIND_NOUNS[bodyKind]}`),
    empty_body: fail('invalid_body', 'the body is signed correctly but empty, which is not JSON: for empty bodies say body: "text" or "bytes"'),
    unsupported_encoding: fail(
      'unsupported_encoding',
      'the body has a content-encoding and does not verify as given: hookverify decodes nothing; have the sender ' +
        'stop compressing, or decompress within a size limit before verifying',
    ),
    body_too_large: fail('body_too_large', 'the body is larger than maxBodyBytes'),
    body_not_raw: fail(
      'invalid_body',
      'the body is not raw bytes or a string; it was likely parsed by a JSON body parser: pass the raw bytes',
    ),
    body_timestamp: fail('invalid_body', `${tsName} is missing or not a valid timestamp`),
    timestamp_malformed: fail('malformed_header', `${tsName} is not a valid timestamp`),
    no_usable_signature: fail(
      'malformed_header',
      `the ${sig} header has no signature in ${sender.name}'s format` +
        (sender.signature.prefix ? ` (entries start with "${sender.signature.prefix}")` : ''),
    ),
    too_many_signatures: fail('malformed_header', `the ${sig} header carries more than ${MAX_SIGNATURES} signatures`),
  };
}

function headerMissing(name: string): VerificationFailure {
  return fail('missing_header', `the ${name} header is missing`);
}
function headerMalformed(name: string): VerificationFailure {
  return fail('malformed_header', `the ${name} header is too long or is not text`);
}
function headerRepeated(name: string): VerificationFailure {
  return fail('malformed_header', `the ${name} header was sent more than once; it is used only when sent once`);
}

/** Why a header cannot be used, indexed by what readHeader returned: missing, malformed, repeated. */
type HeaderFailures = readonly [missing: VerificationFailure, malformed: VerificationFailure, repeated: VerificationFailure];

/** True when the request says its body is content-encoded: anything but absent or `identity`. */
function isContentEncoded(headers: HeadersInput): boolean {
  const value = readHeader(headers, 'content-encoding');
  return value !== HEADER_MISSING && (typeof value !== 'string' || value.toLowerCase() !== 'identity');
}

interface ActiveKey {
  readonly handle: unknown;
  readonly matched: MatchedSecret;
  readonly notAfterMs: number;
}

function isPromise<T>(value: unknown): value is Promise<T> {
  return typeof (value as Promise<T> | undefined)?.then === 'function';
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function readPath(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** State of one request between the signature check and the result. */
interface Checked {
  readonly body: BodyData;
  readonly headers: HeadersInput;
  readonly values: readonly string[];
  readonly timestampMs: number | undefined;
  readonly matched: MatchedSecret;
}

/**
 * Creates a verifier for a sender. Secrets are decoded now (a bad one throws a
 * {@link ConfigurationError} here, not on the first request) and imported once.
 *
 * @example
 * ```ts
 * import { createVerifier, defineSender } from 'hookverify';
 *
 * const acme = defineSender({
 *   name: 'acme',
 *   signature: { header: 'x-webhook-signature', encoding: 'hex' },
 *   signedContent: '{body}',
 *   secretEncoding: 'utf8',
 *   id: { bodyField: 'id' },
 * });
 * const verifier = createVerifier(acme, { secret: process.env.ACME_WEBHOOK_SECRET });
 * const delivery = await verifier.verify({ body: rawBody, headers: request.headers });
 * console.log(delivery.id, delivery.payload);
 * ```
 */
export function createVerifier<Payload = unknown>(sender: Sender, options: VerifierOptions): Verifier<Payload> {
  if (options.secret !== undefined && options.secrets !== undefined) {
    throw new ConfigurationError('invalid_option', 'give either `secret` or `secrets`, not both');
  }
  const decoded = decodeSecrets(options.secret ?? options.secrets, sender.secretEncoding);
  const backend = options.backend ?? defaultCryptoBackend();
  const toleranceMs = durationToMs(options.tolerance ?? sender.tolerance ?? DEFAULT_TOLERANCE, 'tolerance');
  const checkWindow = options.unsafeDisableReplayCheck !== true;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes <= 0) {
    throw new ConfigurationError('invalid_option', 'maxBodyBytes must be a positive whole number of bytes');
  }
  const clock = options.now;
  const nowMs = clock ? () => Number(clock()) : Date.now;
  const lastNotAfterMs = Math.max(...decoded.map((secret) => secret.notAfterMs));
  if (lastNotAfterMs < nowMs()) {
    // Starting anyway would refuse every delivery with no_active_secret: say so at startup.
    throw new ConfigurationError(
      'invalid_secret',
      `every secret is already past its notAfter (the last at ${new Date(lastNotAfterMs).toISOString()}): add the current one`,
    );
  }
  const bodyKind = checkBodyKind(sender, options.body ?? sender.body ?? 'json');
  const readPayload = BODY_READERS[bodyKind];
  const failures = buildFailures(sender, toleranceMs, bodyKind);

  const signature = sender.signature;
  const prefix = signature.prefix ?? '';
  const separator = signature.separator;
  const skipOtherVersions = signature.skipOtherVersions === true;

  // Every header a request needs, read once each.
  const headerNames: string[] = [signature.header];
  const slot = (name: string): number => {
    const at = headerNames.indexOf(name);
    return at === -1 ? headerNames.push(name) - 1 : at;
  };
  const headerFailures: HeaderFailures[] = [];
  const signedSlots = sender.signedParts.map((part) =>
    part.kind === 'header' ? slot(part.name) : part.kind === 'body' ? -1 : -2,
  );
  const literals = sender.signedParts.map((part) => (part.kind === 'literal' ? part.text : ''));
  const tsSpec = sender.timestamp;
  const tsSlot = tsSpec && 'header' in tsSpec ? slot(tsSpec.header) : -1;
  const tsFormat: TimestampFormat | undefined = tsSpec?.format;
  const tsPath = tsSpec && 'bodyField' in tsSpec ? tsSpec.bodyField.split('.') : undefined;
  const idSpec = sender.id;
  const idSlot = idSpec && typeof idSpec === 'object' && 'header' in idSpec ? slot(idSpec.header) : -1;
  const idPath = idSpec && typeof idSpec === 'object' && 'bodyField' in idSpec ? idSpec.bodyField.split('.') : undefined;
  const idDigest = idSpec !== undefined && typeof idSpec === 'object' && 'bodyDigest' in idSpec;
  const idFunction = typeof idSpec === 'function' ? idSpec : undefined;
  const typeSpec = sender.eventType;
  const typeSlot = typeSpec && 'header' in typeSpec ? slot(typeSpec.header) : -1;
  const typePath = typeSpec && 'bodyField' in typeSpec ? typeSpec.bodyField.split('.') : undefined;
  for (let i = 0; i < headerNames.length; i++) {
    const name = headerNames[i]!;
    headerFailures.push([
      i === 0 ? failures.missing_header : headerMissing(name),
      i === 0 ? failures.malformed_header : headerMalformed(name),
      headerRepeated(name),
    ]);
  }

  // Keys are imported on first use, once: some edge runtimes forbid crypto at module scope.
  let keys: ActiveKey[] | undefined;
  let keysPending: Promise<ActiveKey[]> | undefined;
  let rawKeys: typeof decoded | undefined = decoded;
  function importKeys(): ActiveKey[] | Promise<ActiveKey[]> {
    const source = rawKeys!;
    rawKeys = undefined;
    const handles = source.map((secret) => backend.importHmacKey(secret.key));
    const build = (resolved: unknown[]): ActiveKey[] =>
      source.map((secret, i) => ({ handle: resolved[i], matched: secret.matched, notAfterMs: secret.notAfterMs }));
    if (handles.some(isPromise)) {
      keysPending = Promise.all(handles).then((resolved) => (keys = build(resolved)));
      return keysPending;
    }
    keys = build(handles);
    return keys;
  }

  // Signatures are decoded into buffers this verifier owns and reuses, not into arrays allocated
  // per request: node's timingSafeEqual is several times slower on a small typed array made per
  // call (V8 must first move it off its heap). Safe to share because the synchronous path never
  // yields between decoding and comparing, and the asynchronous path copies them first.
  const candidateBytes = new Uint8Array(MAX_SIGNATURES * DIGEST_BYTES);
  const candidateSlots: Uint8Array[] = [];
  for (let i = 0; i < MAX_SIGNATURES; i++) {
    candidateSlots.push(candidateBytes.subarray(i * DIGEST_BYTES, (i + 1) * DIGEST_BYTES));
  }
  const decodeInto = signature.encoding === 'hex' ? decodeHexInto : decodeBase64Into;

  function parseCandidates(headerValue: string): Uint8Array[] | VerificationFailure {
    // One signature (the usual case) needs no split.
    const entries =
      separator === undefined || !headerValue.includes(separator) ? [headerValue] : headerValue.split(separator);
    if (entries.length > MAX_SIGNATURES) return failures.too_many_signatures;
    const candidates: Uint8Array[] = [];
    for (let i = 0; i < entries.length; i++) {
      let entry = entries[i]!.trim();
      if (entry.length === 0) continue;
      if (prefix.length > 0) {
        if (!entry.startsWith(prefix)) {
          if (skipOtherVersions) continue;
          return failures.no_usable_signature;
        }
        entry = entry.slice(prefix.length);
      }
      const slot = candidateSlots[candidates.length]!;
      // An entry that does not decode to a digest (another length or alphabet, non-zero pad
      // bits) can never match: it is skipped, as the reference libraries skip it, never compared
      // in part. The entry count above still bounds the work, and a header with no usable entry
      // is refused below.
      if (decodeInto(entry, slot)) candidates.push(slot);
    }
    return candidates.length === 0 ? failures.no_usable_signature : candidates;
  }

  function checkTimestamp(ms: number, now: number): VerificationFailure | undefined {
    if (!checkWindow) return undefined;
    const position = windowPosition(ms, now, toleranceMs);
    if (position === 'inside') return undefined;
    return position === 'too_old' ? failures.timestamp_too_old : failures.timestamp_in_future;
  }

  function matchDigest(digest: Uint8Array, candidates: readonly Uint8Array[]): boolean {
    // Every candidate is compared, so the time taken does not say which one matched.
    let found = false;
    for (let i = 0; i < candidates.length; i++) if (backend.timingSafeEqual(digest, candidates[i]!)) found = true;
    return found;
  }

  /**
   * Position of the first active key whose HMAC matches a candidate, NO_MATCH, or NO_ACTIVE_KEY.
   * Synchronous on node:crypto; the first asynchronous digest hands over to `findKeyAsync`.
   */
  function findKey(
    active: readonly ActiveKey[],
    parts: readonly (string | Uint8Array)[],
    candidates: readonly Uint8Array[],
    now: number,
  ): number | Promise<number> {
    let anyActive = false;
    for (let i = 0; i < active.length; i++) {
      const key = active[i]!;
      if (key.notAfterMs < now) continue;
      anyActive = true;
      const digest = backend.hmacSha256(key.handle, parts);
      if (isPromise<Uint8Array>(digest)) return findKeyAsync(active, i, digest, parts, ownCopies(candidates), now);
      if (matchDigest(digest, candidates)) return i;
    }
    return anyActive ? NO_MATCH : NO_ACTIVE_KEY;
  }

  // Web Crypto: keys are tried in order, so the first active match wins, as on Node, and no
  // HMAC is computed after a match.
  async function findKeyAsync(
    active: readonly ActiveKey[],
    first: number,
    digest: Promise<Uint8Array>,
    parts: readonly (string | Uint8Array)[],
    candidates: readonly Uint8Array[],
    now: number,
  ): Promise<number> {
    if (matchDigest(await digest, candidates)) return first;
    for (let i = first + 1; i < active.length; i++) {
      const key = active[i]!;
      if (key.notAfterMs < now) continue;
      if (matchDigest(await backend.hmacSha256(key.handle, parts), candidates)) return i;
    }
    return NO_MATCH;
  }

  async function findKeyAfterImport(
    pending: Promise<ActiveKey[]>,
    parts: readonly (string | Uint8Array)[],
    candidates: readonly Uint8Array[],
    now: number,
  ): Promise<number> {
    return findKey(await pending, parts, candidates, now);
  }

  /** Copies of the shared candidate buffers, for a comparison that waits for the backend. */
  function ownCopies(candidates: readonly Uint8Array[]): Uint8Array[] {
    return candidates.map((candidate) => candidate.slice());
  }

  function toChecked(
    found: number,
    body: BodyData,
    headers: HeadersInput,
    values: readonly string[],
    timestampMs: number | undefined,
  ): Checked | VerificationFailure {
    // An encoded body whose bytes do not verify gets its own answer, not advice about secrets.
    if (found === NO_MATCH) return isContentEncoded(headers) ? failures.unsupported_encoding : failures.invalid_signature;
    if (found === NO_ACTIVE_KEY) return failures.no_active_secret;
    return { body, headers, values, timestampMs, matched: keys![found]!.matched };
  }

  /** Steps up to and including the HMAC comparison. A promise only when the backend is asynchronous. */
  function checkSignature(input: DeliveryInput): Checked | VerificationFailure | Promise<Checked | VerificationFailure> {
    if (input === null || typeof input !== 'object') return failures.body_not_raw;
    const body = toBodyData(input.body);
    if (body === undefined) return failures.body_not_raw;
    if (exceedsLimit(body, maxBodyBytes)) return failures.body_too_large;
    const headers = input.headers;
    const values: string[] = [];
    for (let i = 0; i < headerNames.length; i++) {
      const value = readHeader(headers, headerNames[i]!);
      // The id and event-type headers are needed only after the signature; their absence is
      // reported as missing too, since every delivery of a sender that declares one carries it.
      if (typeof value !== 'string') return headerFailures[i]![value];
      values.push(value);
    }
    const candidates = parseCandidates(values[0]!);
    if (!Array.isArray(candidates)) return candidates;
    const now = nowMs();
    let timestampMs: number | undefined;
    if (tsSlot >= 0) {
      timestampMs = parseTimestamp(values[tsSlot]!, tsFormat!);
      if (timestampMs === undefined) return failures.timestamp_malformed;
      const outside = checkTimestamp(timestampMs, now);
      if (outside) return outside;
    }
    // Neighbouring text is joined into one part: each part costs the backend a call, and
    // "<id>.<timestamp>." is one string, not four.
    const parts: (string | Uint8Array)[] = [];
    let text = '';
    // The last character appended, read from the piece: reading it from the joined text would
    // flatten that text on every request.
    let lastCode = 0;
    for (let i = 0; i < signedSlots.length; i++) {
      const at = signedSlots[i]!;
      if (at === -1) {
        if (text.length > 0) parts.push(text);
        text = '';
        lastCode = 0;
        parts.push(body);
      } else {
        const piece = at === -2 ? literals[i]! : values[at]!;
        // Joined, a lone high surrogate and a lone low one would become one character and be
        // hashed as other bytes than the parts are; keep such neighbours apart.
        if (isHighSurrogate(lastCode) && isLowSurrogate(piece.charCodeAt(0))) {
          parts.push(text);
          text = piece;
        } else text += piece;
        if (piece.length > 0) lastCode = piece.charCodeAt(piece.length - 1);
      }
    }
    if (text.length > 0) parts.push(text);
    const active = keys ?? keysPending ?? importKeys();
    const found = isPromise<ActiveKey[]>(active)
      ? findKeyAfterImport(active, parts, ownCopies(candidates), now)
      : findKey(active, parts, candidates, now);
    if (typeof found === 'number') return toChecked(found, body, headers, values, timestampMs);
    return found.then((index) => toChecked(index, body, headers, values, timestampMs));
  }

  function bodyFailure(checked: Checked): VerificationFailure {
    if (isContentEncoded(checked.headers)) return failures.unsupported_encoding;
    const empty = (typeof checked.body === 'string' ? checked.body.length : checked.body.byteLength) === 0;
    return empty && bodyKind === 'json' ? failures.empty_body : failures.invalid_body;
  }

  /** Reads the verified body as its kind, then the id and event type: the delivery, or why there is none. */
  function finish(checked: Checked): VerifiedDelivery<Payload> | VerificationFailure | Promise<VerifiedDelivery<Payload>> {
    const payload = readPayload(checked.body);
    if (payload === NOT_OF_KIND) return bodyFailure(checked);
    let timestampMs = checked.timestampMs;
    if (tsPath) {
      const raw = readPath(payload, tsPath);
      timestampMs =
        typeof raw === 'string' ? parseTimestamp(raw, tsFormat!) : typeof raw === 'number' && tsFormat !== 'rfc3339' ? raw * (tsFormat === 'unix-seconds' ? 1000 : 1) : undefined;
      if (timestampMs === undefined || !Number.isFinite(timestampMs)) return failures.body_timestamp;
      const outside = checkTimestamp(timestampMs, nowMs());
      if (outside) return outside;
    }
    let eventType: string | undefined;
    if (typeSlot >= 0) eventType = checked.values[typeSlot];
    else if (typePath) {
      const value = readPath(payload, typePath);
      eventType = typeof value === 'string' && value.length > 0 ? value : undefined;
    }
    let id: string | undefined;
    if (idSlot >= 0) id = checked.values[idSlot];
    else if (idPath) {
      const value = readPath(payload, idPath);
      id = typeof value === 'string' && value.length > 0 ? value : undefined;
    } else if (idFunction) id = idFunction({ payload, headers: checked.headers });
    else if (idDigest) {
      const digest = backend.sha256(checked.body);
      if (isPromise<Uint8Array>(digest)) {
        return digest.then((bytes) => delivery(payload, encodeHex(bytes), eventType, timestampMs, checked.matched));
      }
      id = encodeHex(digest);
    }
    return delivery(payload, id, eventType, timestampMs, checked.matched);
  }

  function delivery(
    payload: unknown,
    id: string | undefined,
    eventType: string | undefined,
    timestampMs: number | undefined,
    matched: MatchedSecret,
  ): VerifiedDelivery<Payload> {
    return {
      sender: sender.name,
      payload: payload as Payload,
      id,
      eventType,
      timestamp: timestampMs === undefined ? undefined : new Date(timestampMs),
      matchedSecret: matched,
    };
  }

  function finishChecked(
    checked: Checked | VerificationFailure,
  ): VerifiedDelivery<Payload> | VerificationFailure | Promise<VerifiedDelivery<Payload>> {
    return 'ok' in checked ? checked : finish(checked);
  }

  /** The whole verification; a promise only when the backend is asynchronous. */
  function run(input: DeliveryInput): VerifiedDelivery<Payload> | VerificationFailure | Promise<VerifiedDelivery<Payload> | VerificationFailure> {
    const checked = checkSignature(input);
    return isPromise<Checked | VerificationFailure>(checked) ? checked.then(finishChecked) : finishChecked(checked);
  }

  function toOutcome(result: VerifiedDelivery<Payload> | VerificationFailure): VerifyOutcome<Payload> {
    return 'ok' in result ? result : { ok: true, delivery: result };
  }

  function toDelivery(result: VerifiedDelivery<Payload> | VerificationFailure): VerifiedDelivery<Payload> {
    if ('ok' in result) throw new WebhookVerificationError(result.code, result.message);
    return result;
  }

  function toSignature(checked: Checked | VerificationFailure): VerifiedSignature | VerificationFailure {
    if ('ok' in checked) return checked;
    return {
      sender: sender.name,
      timestamp: checked.timestampMs === undefined ? undefined : new Date(checked.timestampMs),
      matchedSecret: checked.matched,
    };
  }

  // Each method returns exactly one promise, already settled on node:crypto: no async
  // functions and no chains on the hot path.
  const verifier: Verifier<Payload> = {
    sender,
    safeVerify(input) {
      try {
        const result = run(input);
        return isPromise<VerifiedDelivery<Payload> | VerificationFailure>(result)
          ? result.then(toOutcome)
          : Promise.resolve(toOutcome(result));
      } catch (error) {
        return Promise.reject(error);
      }
    },
    verify(input) {
      try {
        const result = run(input);
        if (isPromise<VerifiedDelivery<Payload> | VerificationFailure>(result)) return result.then(toDelivery);
        return 'ok' in result
          ? Promise.reject(new WebhookVerificationError(result.code, result.message))
          : Promise.resolve(result);
      } catch (error) {
        return Promise.reject(error);
      }
    },
    verifySignature(input) {
      try {
        const checked = checkSignature(input);
        return isPromise<Checked | VerificationFailure>(checked)
          ? checked.then(toSignature)
          : Promise.resolve(toSignature(checked));
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
  return Object.freeze(verifier);
}
