// A vendor definition judged by its oracle (test/oracles): the vendor's SDK (or, where there is
// none, a cross-check with the same framing) accepts what hookverify/testing signs; hookverify
// accepts what the SDK signs where it signs, what the reference signer signs, and the vendor's
// published examples; a one-byte change to any signed element is refused; and the replay window
// is the SDK's at its edges, or the sender is replayable and dedupes on a digest of what it signs.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { durationToMs } from '../../src/core/duration.js';
import type { VerificationErrorCode } from '../../src/core/errors.js';
import type { Sender } from '../../src/core/scheme/compose-sender.js';
import type { DeliveryInput, Verifier, VerifierOptions } from '../../src/core/verifier.js';
import { signDelivery } from '../../src/testing/index.js';
import { header, utf8, withHeader, type Oracle, type SignedRequest, type SignInput, type Tamper } from '../oracles/oracle.js';
import { expectCode } from './conformance.js';

export interface SdkCheckCase {
  readonly sender: Sender;
  /** Builds the verifier for one request: senders that sign a configured URL (Square) take it from there. */
  readonly create: (options: VerifierOptions, request: SignedRequest) => Verifier;
  readonly oracle: Oracle;
  /** The id, event type, payload and authentication a verifier must report for a request. */
  expected(request: SignedRequest): { id: string | undefined; eventType: string | undefined; payload: unknown; authenticated: 'body' | 'body-fields' };
  /** Signed elements the oracle does not tamper with (a method, a query parameter), each refused. */
  readonly tampers?: readonly Tamper[];
  /** The code a tamper is refused with, by its `what`, when it is not `invalid_signature` (an unparseable timestamp). */
  readonly tamperCodes?: Readonly<Record<string, VerificationErrorCode>>;
  /**
   * Why hookverify/testing cannot sign byte for byte what the reference signs (it writes a
   * signed value in another spelling), when it cannot.
   */
  readonly signsOtherwise?: string;
  /** The replay window the vendor's documentation asks for, where its SDK sets none (Twitch: 10 minutes). */
  readonly documentedToleranceMs?: number;
}

// A round number, so that a timestamp moved by one digit stays inside every window.
export const SIGNED_AT = 1_750_000_000;
const DEFAULT_TOLERANCE_MS = 300_000;

export const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
export const jsonOf = (request: SignedRequest): unknown => JSON.parse(Buffer.from(request.body).toString('utf8'));

export const inputOf = (request: SignedRequest): DeliveryInput => ({ body: request.body, headers: request.headers, url: request.url, method: request.method });

/** One more character changed: the last character of a signature header moves, keeping its alphabet. */
function signatureByte(name: string): Tamper {
  return {
    what: `one character of the signature in ${name}`,
    refused: true,
    apply(request) {
      const value = header(request, name);
      // The character before any base64 padding, so the text stays canonical base64 or hex.
      const at = value.replace(/=+$/, '').length - 2;
      const next = value[at] === 'a' ? 'b' : 'a';
      return withHeader(request, name, value.slice(0, at) + next + value.slice(at + 1));
    },
  };
}

export function describeSdkChecks(c: SdkCheckCase): void {
  const { oracle, sender } = c;
  const keys = oracle.keys();
  const inputAt = (key = keys.signingKey): SignInput => ({ ...oracle.example, key, timestamp: SIGNED_AT });
  const reference = () => oracle.reference.sign(inputAt());
  const verifierFor = (request: SignedRequest, options: Partial<VerifierOptions> = {}) =>
    c.create({ secret: keys.verifyingKey, now: () => SIGNED_AT * 1000, ...options }, request);
  const verify = (request: SignedRequest, options: Partial<VerifierOptions> = {}) => verifierFor(request, options).verify(inputOf(request));
  const signatureHeader = sender.signature.kind === 'body-field' ? undefined : sender.signature.header;

  /** What hookverify/testing signs for the oracle's example, as a request on the wire. */
  async function ours(key = keys.signingKey): Promise<SignedRequest> {
    const { example } = oracle;
    const base = reference();
    const signed = await signDelivery(sender, { secret: key, body: example.body, timestamp: SIGNED_AT * 1000, id: example.id, url: example.url });
    const body = typeof signed.body === 'string' ? utf8(signed.body) : signed.body;
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
    for (const [by, judge] of judges) {
      it(`${by} accepts what hookverify/testing signs, and refuses it under another key`, async () => {
        expect(await judge(await ours(), keys.verifyingKey)).toBe(true);
        expect(await judge(await ours(oracle.keys().signingKey), keys.verifyingKey)).toBe(false);
      });
    }

    if (signatureHeader && c.signsOtherwise === undefined) {
      it('hookverify/testing signs byte for byte what the reference signer signs', async () => {
        const request = await ours();
        expect(header(request, signatureHeader)).toBe(header(reference(), signatureHeader));
        expect(request.url).toBe(reference().url);
      });
    }

    const sdkSign = oracle.sign;
    if (sdkSign) {
      it(`verifies what ${oracle.sdk} signs`, async () => {
        const request = await sdkSign(inputAt());
        await expect(verify(request)).resolves.toMatchObject({ sender: sender.name, ...c.expected(request) });
      });
    }

    it('verifies what the reference signer signs, with the id, event type and payload the definition names', async () => {
      const request = reference();
      const delivery = await verify(request);
      const { payload, ...rest } = c.expected(request);
      expect(delivery).toMatchObject({ sender: sender.name, ...rest });
      expect(delivery.payload).toEqual(payload);
      expect(delivery.timestamp?.getTime()).toBe(sender.timestamp ? SIGNED_AT * 1000 : undefined);
    });

    for (const vector of oracle.vectors) {
      it(`accepts the published example: ${vector.source}`, async () => {
        const published = withHeader(oracle.reference.sign(vector.input), vector.header, vector.value);
        const verifier = c.create({ secret: vector.verifyingKey, now: () => vector.input.timestamp * 1000 }, published);
        await expect(verifier.verify(inputOf(published))).resolves.toMatchObject({ sender: sender.name });
      });
    }

    const tampers = [...oracle.tampers.filter((tamper) => tamper.refused), ...(c.tampers ?? [])];
    if (signatureHeader) tampers.push(signatureByte(signatureHeader));
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
      const source = past != null ? 'the SDK' : c.documentedToleranceMs === undefined ? 'no SDK or documentation: the usual' : 'the documentation';
      it(`uses the replay window of ${source}: ${expectedMs / 1000} s`, () => {
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
      it('is marked replayable, and a replay a year later gets the same dedupe id', async () => {
        expect(sender.replayProtection).toBe('none');
        // Computed from what is signed (the body's digest, or Twilio's sorted parameters'), never read from a header.
        expect(['body-digest', 'function']).toContain(sender.id?.kind);
        const request = reference();
        const now = await verify(request);
        const yearLater = await verify(request, { now: () => (SIGNED_AT + 365 * 86_400) * 1000 });
        expect(now).toMatchObject({ replayable: true, id: c.expected(request).id });
        expect(yearLater.id).toBe(now.id);
      });
    }
  });
}
