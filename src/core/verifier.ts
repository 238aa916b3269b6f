import type { CryptoBackend } from '../crypto/backend.js';
import { defaultCryptoBackend } from '../crypto/default.js';
import { DEFAULT_MAX_BODY_BYTES, exceedsLimit, toBodyData, type BodyData, type RawBody } from './body.js';
import { durationToMs, type Duration } from './duration.js';
import { ConfigurationError, WebhookVerificationError } from './errors.js';
import { readHeader, type HeadersInput } from './headers.js';
import { isPromise } from './is-promise.js';
import type { Sender } from './scheme/compose-sender.js';
import { NOT_OF_KIND, type BodyKind, type BoundAlgorithm, type RequestState, type ValueSource, type VerificationFailure } from './scheme/types.js';
import { decodeSecrets, type MatchedSecret, type SecretInput } from './secrets.js';
import { bindSender, type BoundSender } from './verify/bind-sender.js';
import { isContentEncoded } from './verify/content-encoding.js';
import { bodyKindFor, type BodyKindName } from './verify/body-kind-for.js';
import { failuresFor } from './verify/failures.js';

export type { VerificationFailure } from './scheme/types.js';

/**
 * What a verifier needs from a request: its raw body and its headers, and for senders that sign
 * them (Square, Twilio) the URL and method.
 *
 * @example
 * ```ts
 * import type { DeliveryInput } from 'hookverify';
 *
 * const input: DeliveryInput = { body: new Uint8Array(await request.arrayBuffer()), headers: request.headers, url: request.url };
 * const delivery = await verifier.verify(input);
 * ```
 */
export interface DeliveryInput {
  /** The raw bytes as received. A parsed object is refused with `invalid_body`. */
  readonly body: RawBody;
  readonly headers: HeadersInput;
  /** The full URL the request was sent to; read only by senders that sign it. */
  readonly url?: string | undefined;
  /** The request method; read only by senders that sign it. */
  readonly method?: string | undefined;
}

/**
 * A delivery whose signature, timestamp and body have been checked.
 *
 * @example
 * ```ts
 * import type { VerifiedDelivery } from 'hookverify';
 *
 * const delivery: VerifiedDelivery = await verifier.verify({ body, headers });
 * console.log(delivery.sender, delivery.id, delivery.timestamp?.toISOString(), delivery.payload);
 * if (delivery.replayable) console.log('no signed timestamp: dedupe on delivery.id');
 * ```
 */
export interface VerifiedDelivery<Payload = unknown> {
  /** The sender's name, e.g. `"peridio"`. */
  readonly sender: string;
  /** The body as the sender's body kind reads it: parsed JSON (the default), form fields, text or bytes. */
  readonly payload: Payload;
  /** The dedupe id (Peridio: the event PRN; Standard Webhooks: `webhook-id`), if the sender has one. */
  readonly id: string | undefined;
  /** The event type, when the sender says where it is outside the payload (GitHub: `x-github-event`). */
  readonly eventType: string | undefined;
  /** When the sender signed the delivery (Peridio: `peridio-published-at`), if it says. */
  readonly timestamp: Date | undefined;
  /** Which configured secret verified it. */
  readonly matchedSecret: MatchedSecret;
  /**
   * True when nothing bounds a replay of this delivery in time: the sender signs no timestamp
   * (GitHub, Shopify), or the replay check was turned off. Deduplicate on `id` (for such senders
   * a digest of what is signed) so that a replayed copy is not processed again.
   */
  readonly replayable: boolean;
  /**
   * `"body"`: every byte of the body is signed. `"body-fields"`: only the body fields the sender
   * signs (Mailgun's `signature.timestamp` and `signature.token`) are; trust nothing else in it.
   * For Twilio's forms every decoded field is signed, but not how the form was encoded.
   */
  readonly authenticated: 'body' | 'body-fields';
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
  /** One secret (or public key). Give either `secret` or `secrets`. */
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
   * What the body is, overriding the sender's own kind: `"json"`, `"form"`, `"text"`, `"bytes"`
   * or a body kind part. A sender that reads fields of its body needs one with fields.
   */
  readonly body?: BodyKindName | BodyKind;
  /**
   * The public URL the sender posts to, for senders that sign it (Square's notification URL):
   * used instead of each request's own URL, which a proxy may have rewritten.
   */
  readonly url?: string;
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
   * Verifies signature, replay window and body; rejects with a {@link WebhookVerificationError}.
   */
  verify(input: DeliveryInput): Promise<VerifiedDelivery<Payload>>;
  /** Like `verify`, but resolves to `{ ok: false, code, message }` instead of rejecting. */
  safeVerify(input: DeliveryInput): Promise<VerifyOutcome<Payload>>;
  /**
   * Checks only the signature and a timestamp read before it, without parsing the body. For
   * senders whose timestamp is inside a signed body (EdgeSense) the replay window is not
   * checked: use `verify`.
   */
  verifySignature(input: DeliveryInput): Promise<VerifiedSignature | VerificationFailure>;
  /**
   * `verify` without a promise, for the node:crypto backend (the default on Node, Bun and
   * Deno), as Stripe's `constructEvent` sits beside `constructEventAsync`: the same checks,
   * the delivery returned or a {@link WebhookVerificationError} thrown. On a backend that
   * answers asynchronously (Web Crypto) it throws a {@link ConfigurationError}
   * `async_backend`: use `verify` there.
   *
   * @example
   * ```ts
   * const delivery = verifier.verifySync({ body: rawBody, headers: req.headers });
   * ```
   */
  verifySync(input: DeliveryInput): VerifiedDelivery<Payload>;
  /** `safeVerify` without a promise; node:crypto only, as {@link Verifier.verifySync}. */
  safeVerifySync(input: DeliveryInput): VerifyOutcome<Payload>;
  /** `verifySignature` without a promise; node:crypto only, as {@link Verifier.verifySync}. */
  verifySignatureSync(input: DeliveryInput): VerifiedSignature | VerificationFailure;
}

const DEFAULT_TOLERANCE: Duration = '5m';
// What findKey reports when no key matched; key positions are >= 0.
const NO_MATCH = -1;
const NO_ACTIVE_KEY = -2;

interface ActiveKey {
  readonly handle: unknown;
  readonly matched: MatchedSecret;
  readonly notAfterMs: number;
}

/** One request between its first step and its result. */
interface Checked extends RequestState {
  timestampMs: number | undefined;
  matched: MatchedSecret | undefined;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * Creates a verifier for a sender: its parts are bound into one small function now, secrets are
 * decoded now (a bad one throws a {@link ConfigurationError} here, not on the first request) and
 * imported once.
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
export function createVerifier<Payload = unknown>(given: Sender, options: VerifierOptions): Verifier<Payload> {
  if (options.secret !== undefined && options.secrets !== undefined) {
    throw new ConfigurationError('invalid_option', 'give either `secret` or `secrets`, not both');
  }
  const sender = given;
  const bodyKind = bodyKindFor(sender, options.body);
  const algorithm = sender.algorithm;
  const decoded = decodeSecrets(options.secret ?? options.secrets, algorithm.key);
  const backend = options.backend ?? defaultCryptoBackend();
  const binding = algorithm.bind(backend);
  if (typeof binding === 'string') throw new ConfigurationError('invalid_option', `${sender.name} signs with ${algorithm.label}, but ${binding}`);
  const bound: BoundAlgorithm = binding;
  const toleranceMs = durationToMs(options.tolerance ?? sender.tolerance ?? DEFAULT_TOLERANCE, 'tolerance');
  const checkWindow = options.unsafeDisableReplayCheck !== true;
  const replayable = sender.replayProtection === 'none' || !checkWindow;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes <= 0) {
    throw new ConfigurationError('invalid_option', 'maxBodyBytes must be a positive whole number of bytes');
  }
  const pinnedUrl = options.url;
  if (pinnedUrl !== undefined && (typeof pinnedUrl !== 'string' || pinnedUrl === '')) {
    throw new ConfigurationError('invalid_option', 'url must be the full URL the sender posts to');
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
  const failures = failuresFor(sender, toleranceMs, bodyKind);
  const plan: BoundSender = bindSender(sender, bodyKind);
  const { headerNames, headerSlots, headerFailures, steps, afterSignature, extract, pieces, literals, slotCount } = plan;
  const tsPart = sender.timestamp;
  const tsSlot = plan.timestampSlot;
  const tsField = plan.timestampField;
  const readsBodyFirst = sender.readsBodyFirst;
  const computedId = plan.computedId;

  // Keys are imported on first use, once: some edge runtimes forbid crypto at module scope.
  let keys: ActiveKey[] | undefined;
  let keysPending: Promise<ActiveKey[]> | undefined;
  let rawKeys: typeof decoded | undefined = decoded;
  function importKeys(): ActiveKey[] | Promise<ActiveKey[]> {
    const source = rawKeys!;
    rawKeys = undefined;
    const handles = source.map((secret) => bound.importKey(secret.key));
    const build = (resolved: unknown[]): ActiveKey[] =>
      source.map((secret, i) => ({ handle: resolved[i], matched: secret.matched, notAfterMs: secret.notAfterMs }));
    if (handles.some(isPromise)) {
      keysPending = Promise.all(handles).then((resolved) => (keys = build(resolved)));
      return keysPending;
    }
    keys = build(handles);
    return keys;
  }

  function checkTimestamp(ms: number, now: number): VerificationFailure | undefined {
    if (!checkWindow) return undefined;
    if (ms < now - toleranceMs) return failures.timestamp_too_old;
    return ms > now + toleranceMs ? failures.timestamp_in_future : undefined;
  }

  /**
   * Position of the first active key under which a candidate verifies, NO_MATCH, or
   * NO_ACTIVE_KEY. Synchronous on node:crypto; the first asynchronous answer hands over to
   * `findKeyAsync`.
   */
  function findKey(
    active: readonly ActiveKey[],
    content: readonly (string | Uint8Array)[],
    candidates: readonly Uint8Array[],
    now: number,
  ): number | Promise<number> {
    let anyActive = false;
    for (let i = 0; i < active.length; i++) {
      const key = active[i]!;
      if (key.notAfterMs < now) continue;
      anyActive = true;
      const match = bound.matches(key.handle, content, candidates);
      if (match === true) return i;
      if (match !== false) {
        // The usual Web Crypto case, one secret: one step on the answer, no candidate copies.
        if (!hasActiveAfter(active, i, now)) return match.then((matched) => (matched ? i : NO_MATCH));
        return findKeyAsync(active, i, match, content, ownCopies(candidates), now);
      }
    }
    return anyActive ? NO_MATCH : NO_ACTIVE_KEY;
  }

  function hasActiveAfter(active: readonly ActiveKey[], i: number, now: number): boolean {
    for (let j = i + 1; j < active.length; j++) if (active[j]!.notAfterMs >= now) return true;
    return false;
  }

  // Web Crypto: keys are tried in order, so the first active match wins, as on Node, and no
  // key is tried after a match.
  async function findKeyAsync(
    active: readonly ActiveKey[],
    first: number,
    match: Promise<boolean>,
    content: readonly (string | Uint8Array)[],
    candidates: readonly Uint8Array[],
    now: number,
  ): Promise<number> {
    if (await match) return first;
    for (let i = first + 1; i < active.length; i++) {
      const key = active[i]!;
      if (key.notAfterMs < now) continue;
      if (await bound.matches(key.handle, content, candidates)) return i;
    }
    return NO_MATCH;
  }

  async function findKeyAfterImport(
    pending: Promise<ActiveKey[]>,
    content: readonly (string | Uint8Array)[],
    candidates: readonly Uint8Array[],
    now: number,
  ): Promise<number> {
    return findKey(await pending, content, candidates, now);
  }

  /** Copies of the shared candidate buffers, for a comparison that waits for the backend. */
  function ownCopies(candidates: readonly Uint8Array[]): Uint8Array[] {
    return candidates.map((candidate) => candidate.slice());
  }

  function toChecked(found: number, state: Checked): Checked | VerificationFailure | Promise<Checked | VerificationFailure> {
    // An encoded body whose bytes do not verify gets its own answer, not advice about secrets.
    if (found === NO_MATCH) return isContentEncoded(state.headers) ? failures.unsupported_encoding : failures.invalid_signature;
    if (found === NO_ACTIVE_KEY) return failures.no_active_secret;
    state.matched = keys![found]!.matched;
    return afterSignature.length === 0 ? state : runAfterSignature(state, 0);
  }

  /** The parts' checks that need the signature to hold first; a promise only when one waits. */
  function runAfterSignature(state: Checked, from: number): Checked | VerificationFailure | Promise<Checked | VerificationFailure> {
    for (let i = from; i < afterSignature.length; i++) {
      const outcome = afterSignature[i]!(state, backend);
      if (isPromise<VerificationFailure | undefined>(outcome)) return outcome.then((failure) => failure ?? runAfterSignature(state, i + 1));
      if (outcome !== undefined) return outcome;
    }
    return state;
  }

  /** Steps up to and including the signature check. A promise only when the backend is asynchronous. */
  function checkSignature(input: DeliveryInput): Checked | VerificationFailure | Promise<Checked | VerificationFailure> {
    if (input === null || typeof input !== 'object') return failures.body_not_raw;
    const body: BodyData | undefined = toBodyData(input.body);
    if (body === undefined) return failures.body_not_raw;
    if (exceedsLimit(body, maxBodyBytes)) return failures.body_too_large;
    const headers = input.headers;
    const values: (string | undefined)[] = new Array(slotCount);
    for (let i = 0; i < headerNames.length; i++) {
      const value = readHeader(headers, headerNames[i]!);
      // The id header is needed only for dedupe; its absence is reported as missing too,
      // since every delivery of a sender that declares one carries it.
      if (typeof value !== 'string') return headerFailures[i]![value];
      values[headerSlots[i]!] = value;
    }
    const state: Checked = {
      body,
      headers,
      url: pinnedUrl ?? input.url,
      method: input.method,
      values,
      parsed: undefined,
      timestampMs: undefined,
      matched: undefined,
    };
    for (let i = 0; i < steps.length; i++) {
      const failure = steps[i]!(state);
      if (failure !== undefined) return failure;
    }
    const candidates = extract(state);
    if (!Array.isArray(candidates)) return candidates;
    const now = nowMs();
    if (tsSlot >= 0) {
      const ms = tsPart!.parse(values[tsSlot]);
      if (ms === undefined) return failures.timestamp_malformed;
      const outside = checkTimestamp(ms, now);
      if (outside) return outside;
      state.timestampMs = ms;
    }
    // Neighbouring text is joined into one part: each part costs the backend a call, and
    // "<id>.<timestamp>." is one string, not four.
    const content: (string | Uint8Array)[] = [];
    let text = '';
    // The last character appended, read from the piece: reading it from the joined text would
    // flatten that text on every request.
    let lastCode = 0;
    for (let i = 0; i < pieces.length; i++) {
      const at = pieces[i]!;
      if (at === -1) {
        if (text.length > 0) content.push(text);
        text = '';
        lastCode = 0;
        content.push(body);
      } else {
        const piece = at === -2 ? literals[i]! : values[at]!;
        // Joined, a lone high surrogate and a lone low one would become one character and be
        // hashed as other bytes than the parts are; keep such neighbours apart.
        if (isHighSurrogate(lastCode) && isLowSurrogate(piece.charCodeAt(0))) {
          content.push(text);
          text = piece;
        } else text += piece;
        if (piece.length > 0) lastCode = piece.charCodeAt(piece.length - 1);
      }
    }
    if (text.length > 0) content.push(text);
    const active = keys ?? keysPending ?? importKeys();
    const found = isPromise<ActiveKey[]>(active)
      ? findKeyAfterImport(active, content, ownCopies(candidates), now)
      : findKey(active, content, candidates, now);
    if (typeof found === 'number') return toChecked(found, state);
    return found.then((index) => toChecked(index, state));
  }

  function bodyFailure(headers: HeadersInput, body: BodyData): VerificationFailure {
    if (isContentEncoded(headers)) return failures.unsupported_encoding;
    const empty = (typeof body === 'string' ? body.length : body.byteLength) === 0;
    return empty && bodyKind.name === 'json' ? failures.empty_body : failures.invalid_body;
  }

  function fieldValue(source: ValueSource | undefined, slot: number, payload: unknown, values: readonly (string | undefined)[]): string | undefined {
    if (slot >= 0) return values[slot];
    return source === undefined || source.kind !== 'body-field' ? undefined : nonEmpty(source.read(payload));
  }

  /** Reads the verified body as its kind, then the id and event type: the delivery, or why there is none. */
  function finish(checked: Checked): VerifiedDelivery<Payload> | VerificationFailure | Promise<VerifiedDelivery<Payload>> {
    const payload = readsBodyFirst ? checked.parsed : bodyKind.read(checked.body);
    if (payload === NOT_OF_KIND) return bodyFailure(checked.headers, checked.body);
    let timestampMs = checked.timestampMs;
    if (tsField) {
      timestampMs = tsPart!.parse(tsField.read(payload));
      if (timestampMs === undefined) return failures.body_timestamp;
      const outside = checkTimestamp(timestampMs, nowMs());
      if (outside) return outside;
    }
    const eventType = fieldValue(sender.eventType, plan.eventTypeSlot, payload, checked.values);
    if (computedId !== undefined) {
      const id = computedId.compute({ payload, headers: checked.headers, body: checked.body }, backend);
      if (isPromise<string | undefined>(id)) return id.then((value) => delivery(payload, value, eventType, timestampMs, checked.matched!));
      return delivery(payload, id, eventType, timestampMs, checked.matched!);
    }
    const id = fieldValue(sender.id as ValueSource | undefined, plan.idSlot, payload, checked.values);
    return delivery(payload, id, eventType, timestampMs, checked.matched!);
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
      replayable,
      authenticated: sender.authenticated,
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
      matchedSecret: checked.matched!,
    };
  }

  /** A synchronous method's answer, or the error saying this backend cannot give one. */
  function settled<T>(result: T | Promise<T>): T {
    if (!isPromise<T>(result)) return result;
    // Nobody will read it; an unobserved rejection must not reach the process.
    result.catch(() => {});
    throw new ConfigurationError(
      'async_backend',
      `the ${backend.name} crypto backend answers asynchronously: use verify, safeVerify or verifySignature`,
    );
  }

  // Each method returns exactly one promise, already settled on node:crypto: no async
  // functions and no chains on the hot path.
  const verifier: Verifier<Payload> = {
    sender: given,
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
    verifySync: (input) => toDelivery(settled(run(input))),
    safeVerifySync: (input) => toOutcome(settled(run(input))),
    verifySignatureSync: (input) => toSignature(settled(checkSignature(input))),
  };
  return Object.freeze(verifier);
}
