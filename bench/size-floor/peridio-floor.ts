// A lower bound for issue #12's bundle target, not shipped: a verifier written for Peridio's
// shape alone (one signature header, HMAC-SHA256 over the published-at header and the body,
// an RFC 3339 timestamp, the PRN as id), with everything createPeridioVerifier does for that
// shape kept: the same options and their checks, the same failures with the same messages,
// rolling secrets with notAfter, both crypto backends, the six methods. It reuses the core's
// leaf helpers (header and body reading, secrets, hex, RFC 3339, the backends) and drops the
// generic machinery (sender assembly, the binder, body kinds, per-part labels). The `body`
// and `url` options, which Peridio does not need, are left out, and `sender` is only the name,
// so the real thing can only be larger. test/bench/size-floor.test.ts checks that it answers as
// createPeridioVerifier does (bench/size-floor/agreement.ts); bench/size-floor/measure.mjs
// bundles it as scripts/bundle-size.mjs bundles an entry.
import type { CryptoBackend } from '../../src/crypto/backend.js';
import { defaultCryptoBackend } from '../../src/crypto/default.js';
import { bodyText, DEFAULT_MAX_BODY_BYTES, exceedsLimit, toBodyData, type BodyData } from '../../src/core/body.js';
import { durationToMs } from '../../src/core/duration.js';
import { decodeHexInto } from '../../src/core/encoding.js';
import { ConfigurationError, WebhookVerificationError } from '../../src/core/errors.js';
import { readHeader, type HeadersInput } from '../../src/core/headers.js';
import { isPromise } from '../../src/core/is-promise.js';
import { hexSecret } from '../../src/core/scheme/keys/hex-secret.js';
import type { VerificationFailure } from '../../src/core/scheme/types.js';
import { decodeSecrets, type MatchedSecret } from '../../src/core/secrets.js';
import { parseRfc3339 } from '../../src/core/timestamps.js';
import type { DeliveryInput, VerifiedDelivery, VerifiedSignature, Verifier, VerifierOptions, VerifyOutcome } from '../../src/core/verifier.js';
import { isContentEncoded } from '../../src/core/verify/content-encoding.js';

export type FloorVerifier = Omit<Verifier, 'sender'> & { readonly sender: string };

interface Key {
  readonly handle: unknown;
  readonly matched: MatchedSecret;
  readonly notAfterMs: number;
}

interface Checked {
  readonly body: BodyData;
  readonly headers: HeadersInput;
  readonly ms: number;
  matched: MatchedSecret | undefined;
}

type Failure = VerificationFailure;
type Result<T> = T | Failure;

const fail = (code: Failure['code'], message: string): Failure => Object.freeze({ ok: false, code, message });
const SIGNATURE = 'peridio-signature';
const PUBLISHED_AT = 'peridio-published-at';
const MAX_SIGNATURES = 16;
const DIGEST_BYTES = 32;

function headerFailures(name: string, missing: string, malformed: string): readonly Failure[] {
  return [fail('missing_header', missing), fail('malformed_header', malformed), fail('malformed_header', `the ${name} header was sent more than once; it is used only when sent once`)];
}

export function createPeridioFloorVerifier(options: VerifierOptions): FloorVerifier {
  if (options.secret !== undefined && options.secrets !== undefined) throw new ConfigurationError('invalid_option', 'give either `secret` or `secrets`, not both');
  const decoded = decodeSecrets(options.secret ?? options.secrets, hexSecret);
  const backend: CryptoBackend = options.backend ?? defaultCryptoBackend();
  const toleranceMs = durationToMs(options.tolerance ?? '5m', 'tolerance');
  const checkWindow = options.unsafeDisableReplayCheck !== true;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes <= 0) throw new ConfigurationError('invalid_option', 'maxBodyBytes must be a positive whole number of bytes');
  const clock = options.now;
  const nowMs = clock ? () => Number(clock()) : Date.now;
  const last = Math.max(...decoded.map((secret) => secret.notAfterMs));
  if (last < nowMs()) {
    throw new ConfigurationError('invalid_secret', `every secret is already past its notAfter (the last at ${new Date(last).toISOString()}): add the current one`);
  }
  const seconds = Math.round(toleranceMs / 1000);
  const time = `the ${PUBLISHED_AT} header`;
  const header = `the ${SIGNATURE} header`;
  const failures = {
    old: fail('timestamp_too_old', `${time} is more than ${seconds}s in the past: a replay, or this server's clock is ahead of the sender's (use NTP)`),
    future: fail('timestamp_in_future', `${time} is more than ${seconds}s in the future: this server's clock is behind the sender's (use NTP)`),
    signature: fail(
      'invalid_signature',
      `no signature in ${header} matches an active secret; check the secret, and pass the raw request bytes: a body that was parsed and re-serialized no longer matches what was signed`,
    ),
    inactive: fail('no_active_secret', 'every configured secret is past its notAfter; add the current one'),
    body: fail('invalid_body', 'the body is signed correctly but is not valid UTF-8 JSON'),
    empty: fail('invalid_body', 'the body is signed correctly but empty, which is not JSON: for empty bodies say body: "text" or "bytes"'),
    encoded: fail(
      'unsupported_encoding',
      'the body has a content-encoding and does not verify as given: hookverify decodes nothing; have the sender stop compressing, or decompress within a size limit before verifying',
    ),
    large: fail('body_too_large', 'the body is larger than maxBodyBytes'),
    notRaw: fail('invalid_body', 'the body is not raw bytes or a string; it was likely parsed by a JSON body parser: pass the raw bytes'),
    timestamp: fail('malformed_header', `${time} is not a valid timestamp`),
    none: fail('malformed_header', `${header} has no signature in peridio's format`),
    tooMany: fail('malformed_header', `${header} carries more than ${MAX_SIGNATURES} signatures`),
  };
  const signatureFailures = headerFailures(SIGNATURE, `${header} is missing; is this a peridio delivery?`, `${header} is not in peridio's format`);
  const timeFailures = headerFailures(PUBLISHED_AT, `${time} is missing`, `${time} is too long or is not text`);
  const pool = new Uint8Array(MAX_SIGNATURES * DIGEST_BYTES);
  const slots = Array.from({ length: MAX_SIGNATURES }, (_, i) => pool.subarray(i * DIGEST_BYTES, (i + 1) * DIGEST_BYTES));

  let keys: Key[] | undefined;
  let pending: Promise<Key[]> | undefined;
  function importKeys(): Key[] | Promise<Key[]> {
    const handles = decoded.map((secret) => backend.importHmacKey(secret.key, 'sha256'));
    const build = (resolved: unknown[]): Key[] => decoded.map((secret, i) => ({ handle: resolved[i], matched: secret.matched, notAfterMs: secret.notAfterMs }));
    if (handles.some(isPromise)) return (pending = Promise.all(handles).then((resolved) => (keys = build(resolved))));
    return (keys = build(handles));
  }
  function anyEqual(digest: Uint8Array, candidates: readonly Uint8Array[]): boolean {
    let found = false;
    for (const candidate of candidates) if (backend.timingSafeEqual(digest, candidate)) found = true;
    return found;
  }
  async function findLater(active: readonly Key[], first: number, digest: Promise<Uint8Array>, content: readonly (string | BodyData)[], own: readonly Uint8Array[], now: number): Promise<number> {
    if (anyEqual(await digest, own)) return first;
    for (let j = first + 1; j < active.length; j++) {
      if (active[j]!.notAfterMs >= now && anyEqual(await backend.hmacSha256(active[j]!.handle, content), own)) return j;
    }
    return -1;
  }
  function find(active: readonly Key[], content: readonly (string | BodyData)[], candidates: readonly Uint8Array[], now: number): number | Promise<number> {
    let anyActive = false;
    for (let i = 0; i < active.length; i++) {
      if (active[i]!.notAfterMs < now) continue;
      anyActive = true;
      const digest = backend.hmacSha256(active[i]!.handle, content);
      if (!isPromise<Uint8Array>(digest)) {
        if (anyEqual(digest, candidates)) return i;
        continue;
      }
      return findLater(active, i, digest, content, candidates.map((candidate) => candidate.slice()), now);
    }
    return anyActive ? -1 : -2;
  }
  function found(index: number, state: Checked): Result<Checked> {
    if (index === -1) return isContentEncoded(state.headers) ? failures.encoded : failures.signature;
    if (index === -2) return failures.inactive;
    state.matched = keys![index]!.matched;
    return state;
  }
  function check(input: DeliveryInput): Result<Checked> | Promise<Result<Checked>> {
    if (input === null || typeof input !== 'object') return failures.notRaw;
    const body = toBodyData(input.body);
    if (body === undefined) return failures.notRaw;
    if (exceedsLimit(body, maxBodyBytes)) return failures.large;
    const headers = input.headers;
    const signatures = readHeader(headers, SIGNATURE);
    if (typeof signatures !== 'string') return signatureFailures[signatures]!;
    const publishedAt = readHeader(headers, PUBLISHED_AT);
    if (typeof publishedAt !== 'string') return timeFailures[publishedAt]!;
    const entries = signatures.split(',');
    if (entries.length > MAX_SIGNATURES) return failures.tooMany;
    const candidates: Uint8Array[] = [];
    for (const entry of entries) {
      const text = entry.trim();
      const slot = slots[candidates.length]!;
      if (text.length > 0 && decodeHexInto(text, slot)) candidates.push(slot);
    }
    if (candidates.length === 0) return failures.none;
    const now = nowMs();
    const ms = parseRfc3339(publishedAt);
    if (ms === undefined) return failures.timestamp;
    if (checkWindow && ms < now - toleranceMs) return failures.old;
    if (checkWindow && ms > now + toleranceMs) return failures.future;
    const state: Checked = { body, headers, ms, matched: undefined };
    const content = [publishedAt, body];
    const active = keys ?? pending ?? importKeys();
    const index = isPromise<Key[]>(active)
      ? active.then((resolved) => find(resolved, content, candidates.map((candidate) => candidate.slice()), now))
      : find(active, content, candidates, now);
    return typeof index === 'number' ? found(index, state) : index.then((at) => found(at, state));
  }
  function finish(checked: Result<Checked>): Result<VerifiedDelivery> {
    if ('ok' in checked) return checked;
    const text = bodyText(checked.body);
    let payload: unknown;
    try {
      payload = text === undefined ? failures : JSON.parse(text);
    } catch {
      payload = failures;
    }
    if (payload === failures) {
      if (isContentEncoded(checked.headers)) return failures.encoded;
      return (typeof checked.body === 'string' ? checked.body.length : checked.body.byteLength) === 0 ? failures.empty : failures.body;
    }
    const prn = payload !== null && typeof payload === 'object' && Object.prototype.hasOwnProperty.call(payload, 'prn') ? (payload as { prn: unknown }).prn : undefined;
    return {
      sender: 'peridio',
      payload,
      id: typeof prn === 'string' && prn.length > 0 ? prn : undefined,
      eventType: undefined,
      timestamp: new Date(checked.ms),
      matchedSecret: checked.matched!,
      replayable: !checkWindow,
      authenticated: 'body',
    };
  }
  const run = (input: DeliveryInput): Result<VerifiedDelivery> | Promise<Result<VerifiedDelivery>> => {
    const checked = check(input);
    return isPromise<Result<Checked>>(checked) ? checked.then(finish) : finish(checked);
  };
  const outcome = (result: Result<VerifiedDelivery>): VerifyOutcome => ('ok' in result ? result : { ok: true, delivery: result });
  const delivery = (result: Result<VerifiedDelivery>): VerifiedDelivery => {
    if ('ok' in result) throw new WebhookVerificationError(result.code, result.message);
    return result;
  };
  const signatureOnly = (checked: Result<Checked>): Result<VerifiedSignature> =>
    'ok' in checked ? checked : { sender: 'peridio', timestamp: new Date(checked.ms), matchedSecret: checked.matched! };
  function settled<T>(result: T | Promise<T>): T {
    if (!isPromise<T>(result)) return result;
    result.catch(() => {});
    throw new ConfigurationError('async_backend', `the ${backend.name} crypto backend answers asynchronously: use verify, safeVerify or verifySignature`);
  }
  function promised<R, T>(step: (input: DeliveryInput) => R | Promise<R>, then: (result: R) => T): (input: DeliveryInput) => Promise<T> {
    return (input) => {
      try {
        const result = step(input);
        return isPromise<R>(result) ? result.then(then) : Promise.resolve(then(result));
      } catch (error) {
        return Promise.reject(error);
      }
    };
  }
  return Object.freeze({
    sender: 'peridio',
    safeVerify: promised(run, outcome),
    verify: promised(run, delivery),
    verifySignature: promised(check, signatureOnly),
    verifySync: (input: DeliveryInput) => delivery(settled(run(input))),
    safeVerifySync: (input: DeliveryInput) => outcome(settled(run(input))),
    verifySignatureSync: (input: DeliveryInput) => signatureOnly(settled(check(input))),
  });
}
