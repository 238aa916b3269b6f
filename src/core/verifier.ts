import type { CryptoBackend } from '../crypto/backend.js';
import { defaultCryptoBackend } from '../crypto/default.js';
import { bodyText, DEFAULT_MAX_BODY_BYTES, exceedsLimit, toBodyData, type BodyData, type RawBody } from './body.js';
import { durationToMs, type Duration } from './duration.js';
import { decodeBase64, decodeHex, encodeHex } from './encoding.js';
import { ConfigurationError, WebhookVerificationError, type VerificationErrorCode } from './errors.js';
import { HEADER_MALFORMED, HEADER_MISSING, readHeader, type HeadersInput } from './headers.js';
import { decodeSecrets, type MatchedSecret, type SecretInput } from './secrets.js';
import type { Sender } from './sender.js';
import { parseTimestamp, windowPosition, type TimestampFormat } from './timestamps.js';

/** What a verifier needs from a request: its raw body and its headers. */
export interface DeliveryInput {
  /** The raw bytes as received. A parsed object is refused with `invalid_body`. */
  readonly body: RawBody;
  readonly headers: HeadersInput;
}

/** A delivery whose signature, timestamp and JSON body have been checked. */
export interface VerifiedDelivery<Payload = unknown> {
  /** The sender's name, e.g. `"peridio"`. */
  readonly sender: string;
  /** The parsed JSON body. */
  readonly payload: Payload;
  /** The dedupe id (Peridio: the event PRN; Standard Webhooks: `webhook-id`), if the sender has one. */
  readonly id: string | undefined;
  /** When the sender signed the delivery (Peridio: `peridio-published-at`), if it says. */
  readonly timestamp: Date | undefined;
  /** Which configured secret verified it. */
  readonly matchedSecret: MatchedSecret;
}

/** The signature-only result of {@link Verifier.verifySignature}. */
export interface VerifiedSignature {
  readonly sender: string;
  readonly timestamp: Date | undefined;
  readonly matchedSecret: MatchedSecret;
}

/** A refused delivery, as a value: what `safeVerify` returns instead of throwing. */
export interface VerificationFailure {
  readonly ok: false;
  readonly code: VerificationErrorCode;
  readonly message: string;
}

/** The result of {@link Verifier.safeVerify}. */
export type VerifyOutcome<Payload = unknown> =
  | { readonly ok: true; readonly delivery: VerifiedDelivery<Payload> }
  | VerificationFailure;

/** Options shared by every verifier. */
export interface VerifierOptions {
  /** One secret. Give either `secret` or `secrets`. */
  readonly secret?: SecretInput | undefined;
  /** Several secrets, e.g. during a rotation; each may carry a `label` and a `notAfter`. */
  readonly secrets?: readonly SecretInput[] | undefined;
  /** Replay window, both into the past and the future. Default `"5m"`. */
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
  /** Crypto implementation. Default: node:crypto where available, else Web Crypto. */
  readonly backend?: CryptoBackend;
}

/**
 * Verifies deliveries of one sender. Build it once (keys are imported once) and share it.
 */
export interface Verifier<Payload = unknown> {
  /** The sender this verifier checks. */
  readonly sender: Sender;
  /**
   * Verifies signature, replay window and JSON body; rejects with a
   * {@link WebhookVerificationError}.
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

function fail(code: VerificationErrorCode, message: string): VerificationFailure {
  return Object.freeze({ ok: false as const, code, message });
}

function buildFailures(sender: Sender, toleranceMs: number) {
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
    invalid_body: fail('invalid_body', 'the body is signed correctly but is not valid UTF-8 JSON'),
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
  return fail('malformed_header', `the ${name} header was sent more than once, is too long or is not text`);
}

interface ActiveKey {
  readonly handle: unknown;
  readonly matched: MatchedSecret;
  readonly notAfterMs: number;
}

function isPromise<T>(value: unknown): value is Promise<T> {
  return typeof (value as Promise<T> | undefined)?.then === 'function';
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
  const toleranceMs = durationToMs(options.tolerance ?? DEFAULT_TOLERANCE, 'tolerance');
  const checkWindow = options.unsafeDisableReplayCheck !== true;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes <= 0) {
    throw new ConfigurationError('invalid_option', 'maxBodyBytes must be a positive whole number of bytes');
  }
  const clock = options.now;
  const nowMs = clock ? () => Number(clock()) : Date.now;
  const failures = buildFailures(sender, toleranceMs);

  const signature = sender.signature;
  const decodeSignature = signature.encoding === 'hex' ? decodeHex : decodeBase64;
  const prefix = signature.prefix ?? '';
  const separator = signature.separator;
  const skipOtherVersions = signature.skipOtherVersions === true;

  // Every header a request needs, read once each.
  const headerNames: string[] = [signature.header];
  const slot = (name: string): number => {
    const at = headerNames.indexOf(name);
    return at === -1 ? headerNames.push(name) - 1 : at;
  };
  const headerFailures: VerificationFailure[][] = [];
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
  for (let i = 0; i < headerNames.length; i++) {
    const name = headerNames[i]!;
    headerFailures.push(i === 0 ? [failures.missing_header, failures.malformed_header] : [headerMissing(name), headerMalformed(name)]);
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

  function parseCandidates(headerValue: string): Uint8Array[] | VerificationFailure {
    const entries = separator === undefined ? [headerValue] : headerValue.split(separator);
    if (entries.length > MAX_SIGNATURES) return failures.too_many_signatures;
    const candidates: Uint8Array[] = [];
    for (let entry of entries) {
      entry = entry.trim();
      if (entry.length === 0) continue;
      if (prefix.length > 0) {
        if (!entry.startsWith(prefix)) {
          if (skipOtherVersions) continue;
          return failures.no_usable_signature;
        }
        entry = entry.slice(prefix.length);
      }
      const bytes = decodeSignature(entry);
      // A digest of the wrong length is refused here, never compared in part.
      if (!bytes || bytes.byteLength !== DIGEST_BYTES) return failures.malformed_header;
      candidates.push(bytes);
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
    let found = false;
    for (const candidate of candidates) if (backend.timingSafeEqual(digest, candidate)) found = true;
    return found;
  }

  /** Steps up to and including the HMAC comparison. */
  function checkSignature(input: DeliveryInput): Checked | VerificationFailure | Promise<Checked | VerificationFailure> {
    if (input === null || typeof input !== 'object') return failures.body_not_raw;
    const body = toBodyData(input.body);
    if (body === undefined) return failures.body_not_raw;
    if (exceedsLimit(body, maxBodyBytes)) return failures.body_too_large;
    const headers = input.headers;
    const values: string[] = [];
    for (let i = 0; i < headerNames.length; i++) {
      const value = readHeader(headers, headerNames[i]!);
      if (value === HEADER_MISSING) {
        // The id header is needed only for dedupe; its absence is reported as missing too,
        // since every delivery of a sender that declares one carries it.
        return headerFailures[i]![0]!;
      }
      if (value === HEADER_MALFORMED) return headerFailures[i]![1]!;
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
    const parts: (string | Uint8Array)[] = [];
    for (let i = 0; i < signedSlots.length; i++) {
      const at = signedSlots[i]!;
      parts.push(at === -1 ? body : at === -2 ? literals[i]! : values[at]!);
    }

    const compare = (active: readonly ActiveKey[]): Checked | VerificationFailure | Promise<Checked | VerificationFailure> => {
      let anyActive = false;
      let pending: Promise<Checked | VerificationFailure> | undefined;
      for (const key of active) {
        if (key.notAfterMs < now) continue;
        anyActive = true;
        const digest = backend.hmacSha256(key.handle, parts);
        if (isPromise<Uint8Array>(digest)) {
          // Web Crypto: chain the keys in order so the first active match wins, as on Node.
          const previous: Promise<Checked | VerificationFailure> = pending ?? Promise.resolve(failures.invalid_signature);
          pending = previous.then((result) =>
            'ok' in result
              ? digest.then((bytes) => (matchDigest(bytes, candidates) ? { body, headers, values, timestampMs, matched: key.matched } : result))
              : result,
          );
          continue;
        }
        if (matchDigest(digest, candidates)) return { body, headers, values, timestampMs, matched: key.matched };
      }
      if (!anyActive) return failures.no_active_secret;
      return pending ?? failures.invalid_signature;
    };
    const active = keys ?? keysPending ?? importKeys();
    return isPromise<ActiveKey[]>(active) ? active.then(compare) : compare(active);
  }

  function finish(checked: Checked): VerifyOutcome<Payload> | Promise<VerifyOutcome<Payload>> {
    const text = bodyText(checked.body);
    if (text === undefined) return failures.invalid_body;
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      return failures.invalid_body;
    }
    let timestampMs = checked.timestampMs;
    if (tsPath) {
      const raw = readPath(payload, tsPath);
      timestampMs =
        typeof raw === 'string' ? parseTimestamp(raw, tsFormat!) : typeof raw === 'number' && tsFormat !== 'rfc3339' ? raw * (tsFormat === 'unix-seconds' ? 1000 : 1) : undefined;
      if (timestampMs === undefined || !Number.isFinite(timestampMs)) return failures.body_timestamp;
      const outside = checkTimestamp(timestampMs, nowMs());
      if (outside) return outside;
    }
    const build = (id: string | undefined): VerifyOutcome<Payload> => ({
      ok: true,
      delivery: {
        sender: sender.name,
        payload: payload as Payload,
        id,
        timestamp: timestampMs === undefined ? undefined : new Date(timestampMs),
        matchedSecret: checked.matched,
      },
    });
    if (idSlot >= 0) return build(checked.values[idSlot]);
    if (idPath) {
      const value = readPath(payload, idPath);
      return build(typeof value === 'string' && value.length > 0 ? value : undefined);
    }
    if (idFunction) return build(idFunction({ payload, headers: checked.headers }));
    if (idDigest) {
      const digest = backend.sha256(checked.body);
      return isPromise<Uint8Array>(digest) ? digest.then((bytes) => build(encodeHex(bytes))) : build(encodeHex(digest));
    }
    return build(undefined);
  }

  function run(input: DeliveryInput): VerifyOutcome<Payload> | Promise<VerifyOutcome<Payload>> {
    const checked = checkSignature(input);
    if (isPromise<Checked | VerificationFailure>(checked)) {
      return checked.then((result) => ('ok' in result ? result : finish(result)));
    }
    return 'ok' in checked ? checked : finish(checked);
  }

  const verifier: Verifier<Payload> = {
    sender,
    safeVerify(input) {
      try {
        const outcome = run(input);
        return isPromise<VerifyOutcome<Payload>>(outcome) ? outcome : Promise.resolve(outcome);
      } catch (error) {
        return Promise.reject(error);
      }
    },
    async verify(input) {
      const outcome = await verifier.safeVerify(input);
      if (outcome.ok) return outcome.delivery;
      throw new WebhookVerificationError(outcome.code, outcome.message);
    },
    async verifySignature(input) {
      const checked = await checkSignature(input);
      if ('ok' in checked) return checked;
      return {
        sender: sender.name,
        timestamp: checked.timestampMs === undefined ? undefined : new Date(checked.timestampMs),
        matchedSecret: checked.matched,
      };
    },
  };
  return Object.freeze(verifier);
}
