// Checks a vendor definition against its oracle (test/oracles): the vendor's SDK, or a
// cross-check with the same framing, accepts what hookverify's test signer signs; hookverify
// accepts what the SDK signs where it signs, what the oracle's reference signer signs and the
// vendor's published examples; every signed element changed by one byte is refused; the replay
// window is the SDK's (or the documented one), at its edges, or the definition says the sender is
// replayable and dedupes on a digest of what it signs.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { durationToMs } from '../../src/core/duration.js';
import type { VerificationErrorCode } from '../../src/core/errors.js';
import type { Sender } from '../../src/core/scheme/compose-sender.js';
import type { DeliveryInput, Verifier, VerifierOptions } from '../../src/core/verifier.js';
import { signDelivery } from '../../src/testing/index.js';
import { header, utf8, withHeader, type Oracle, type SignedRequest, type SignInput, type Tamper } from '../oracles/oracle.js';
import { expectCode } from './conformance.js';

export interface OracleCase {
  readonly sender: Sender;
  /** Builds the verifier; a sender that signs a configured URL (Square) takes it from the request. */
  readonly create: (options: VerifierOptions, request: SignedRequest) => Verifier;
  readonly oracle: Oracle;
  /** The dedupe id and event type the definition must report for a delivery, and what is authenticated (default `"body"`). */
  readonly expected: (request: SignedRequest) => { id: string | undefined; eventType: string | undefined; authenticated?: 'body' | 'body-fields' };
  /** The payload a verifier must report. Default: the body parsed as JSON. */
  readonly payload?: (request: SignedRequest) => unknown;
  /** Signed elements the oracle does not tamper with (a method, a query parameter), each refused. */
  readonly tampers?: readonly Tamper[];
  /** The code a tamper is refused with, by its `what`, when it is not `invalid_signature` (a timestamp that no longer parses). */
  readonly tamperCodes?: Readonly<Record<string, VerificationErrorCode>>;
  /** Why hookverify/testing writes a signed value in another spelling than the reference (so other signatures), when it does. */
  readonly signsOtherwise?: string;
  /** The replay window the vendor documents, where no SDK sets one (Twitch: 10 minutes). */
  readonly documentedToleranceMs?: number;
}

// A round number, so a timestamp moved by one digit stays inside every window.
const SIGNED_AT = 1_750_000_000;
const DEFAULT_TOLERANCE_MS = 300_000;

/** The SHA-256 of the bytes (a string's UTF-8), as hex: what `bodyDigest` must report. */
export const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The body of a request, parsed as JSON. */
export const jsonOf = (request: SignedRequest) => JSON.parse(Buffer.from(request.body).toString('utf8')) as Record<string, unknown>;

const inputOf = (request: SignedRequest): DeliveryInput => ({ body: request.body, headers: request.headers, url: request.url, method: request.method });

/** One character of the signature changed, within its alphabet and before any base64 padding. */
export function signatureByte(name: string): Tamper {
  return {
    what: `one character of the signature in ${name}`,
    refused: true,
    apply(request) {
      const value = header(request, name);
      const at = value.replace(/=+$/, '').length - 2;
      return withHeader(request, name, value.slice(0, at) + (value[at] === 'a' ? 'b' : 'a') + value.slice(at + 1));
    },
  };
}

export function describeOracleChecks(c: OracleCase): void {
  const { oracle, sender } = c;
  const keys = oracle.keys();
  const inputAt = (timestamp = SIGNED_AT, key = keys.signingKey): SignInput => ({ ...oracle.example, key, timestamp });
  const reference = (timestamp = SIGNED_AT) => oracle.reference.sign(inputAt(timestamp));
  const verifierFor = (request: SignedRequest, options: Partial<VerifierOptions> = {}) =>
    c.create({ secret: keys.verifyingKey, now: () => SIGNED_AT * 1000, ...options } as VerifierOptions, request);
  const accepts = (request: SignedRequest, options: Partial<VerifierOptions> = {}) => verifierFor(request, options).verify(inputOf(request));
  const sigHeader = sender.signature.kind === 'body-field' ? undefined : sender.signature.header;
  const expected = (request: SignedRequest) => ({ authenticated: 'body' as const, ...c.expected(request) });

  /** hookverify/testing's signature over the oracle's example (Linear's body carries its own time). */
  async function ours(key = keys.signingKey): Promise<SignedRequest> {
    const { example } = oracle;
    const base = reference();
    const signed = await signDelivery(sender, { secret: key, body: base.body, timestamp: SIGNED_AT * 1000, id: example.id, url: example.url });
    const body = typeof signed.body === 'string' ? utf8(signed.body) : signed.body;
    // Twilio's JSON sender posts to the example's URL with the body's digest added.
    return { method: base.method, url: signed.url ?? example.url, headers: { ...base.headers, ...signed.headers }, body };
  }

  describe(`${sender.name}: checked against ${oracle.sdk ?? 'the documented algorithm'}`, () => {
    // The SDKs read the clock themselves; only Date is faked, so promises and crypto run as usual.
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime((SIGNED_AT + 1) * 1000);
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    const judges: [string, (request: SignedRequest, key: string) => Promise<boolean>][] = [];
    if (oracle.verify) judges.push([`${oracle.sdk}'s own verify`, oracle.verify]);
    if (oracle.crossCheck) judges.push([`the cross-check ${oracle.crossCheck.by}`, oracle.crossCheck.verify]);
    for (const [by, verify] of judges) {
      it(`${by} accepts what hookverify/testing signs, and refuses it under another key`, async () => {
        expect(await verify(await ours(), keys.verifyingKey)).toBe(true);
        expect(await verify(await ours(oracle.keys().signingKey), keys.verifyingKey)).toBe(false);
      });
    }

    if (sigHeader && c.signsOtherwise === undefined) {
      it('hookverify/testing writes the signature header (and URL) the reference signer writes', async () => {
        const mine = await ours();
        expect(header(mine, sigHeader)).toBe(header(reference(), sigHeader));
        expect(mine.url).toBe(reference().url);
        if (oracle.signatureFormat) expect(header(mine, oracle.signatureFormat.header)).toMatch(oracle.signatureFormat.pattern);
      });
    }

    const sdkSign = oracle.sign;
    if (sdkSign) {
      it(`verifies what ${oracle.sdk} signs`, async () => {
        const request = await sdkSign(inputAt());
        await expect(accepts(request)).resolves.toMatchObject({ sender: sender.name, ...expected(request) });
      });
    }

    it('verifies what the reference signer signs, with the id and event type the definition names', async () => {
      const request = reference();
      const delivery = await accepts(request);
      expect(delivery).toMatchObject({ sender: sender.name, ...expected(request) });
      expect(delivery.payload).toEqual((c.payload ?? jsonOf)(request));
      expect(delivery.timestamp?.getTime()).toBe(sender.timestamp ? SIGNED_AT * 1000 : undefined);
    });

    for (const vector of oracle.vectors) {
      it(`accepts the published example: ${vector.source}`, async () => {
        const published = withHeader(oracle.reference.sign(vector.input), vector.header, vector.value);
        const verifier = c.create({ secret: vector.verifyingKey, now: () => vector.input.timestamp * 1000 }, published);
        await expect(verifier.verify(inputOf(published))).resolves.toMatchObject({ sender: sender.name });
      });
    }

    const tampers = [...oracle.tampers.filter((t) => t.refused), ...(c.tampers ?? []), ...(sigHeader ? [signatureByte(sigHeader)] : [])];
    for (const tamper of tampers) {
      it(`refuses the delivery after changing ${tamper.what}`, async () => {
        const request = tamper.apply(reference());
        const outcome = await expectCode(verifierFor(request), inputOf(request), c.tamperCodes?.[tamper.what] ?? 'invalid_signature');
        expect(outcome.message).not.toContain(keys.signingKey);
      });
    }

    if (sender.timestamp) {
      const toleranceMs = durationToMs(sender.tolerance ?? '5m', 'tolerance');
      const past = oracle.replayWindow?.past;
      const expectedMs = past != null ? past * 1000 : (c.documentedToleranceMs ?? DEFAULT_TOLERANCE_MS);
      const source = past != null ? `the SDK's window of ${past} s` : c.documentedToleranceMs === undefined ? 'the usual 5-minute window (no SDK says otherwise)' : `the documented window of ${expectedMs / 1000} s`;
      it(`uses ${source}`, () => {
        expect(toleranceMs).toBe(expectedMs);
        expect(sender.replayProtection).toBe('timestamp');
      });

      it('accepts a delivery at both edges of the window and refuses one a millisecond outside', async () => {
        const request = reference();
        const at = (ms: number) => verifierFor(request, { now: () => SIGNED_AT * 1000 + ms });
        await expect(at(toleranceMs).verify(inputOf(request))).resolves.toMatchObject({ replayable: false });
        await expect(at(-toleranceMs).verify(inputOf(request))).resolves.toBeDefined();
        await expectCode(at(toleranceMs + 1), inputOf(request), 'timestamp_too_old');
        await expectCode(at(-toleranceMs - 1), inputOf(request), 'timestamp_in_future');
      });
    } else {
      it('is marked replayable and dedupes a replay, however late, on a digest of what is signed', async () => {
        expect(sender.replayProtection).toBe('none');
        // Computed (the body's digest, or of Twilio's sorted parameters), never read from a header.
        expect(['body-digest', 'function']).toContain(sender.id?.kind);
        const request = reference();
        const now = await accepts(request);
        const yearLater = await accepts(request, { now: () => (SIGNED_AT + 365 * 86_400) * 1000 });
        expect(now).toMatchObject({ replayable: true, id: c.expected(request).id });
        expect(yearLater.id).toBe(now.id);
      });
    }
  });
}
