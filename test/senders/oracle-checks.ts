// Checks a vendor definition against its oracle (test/oracles): the vendor's SDK, or a
// cross-check with the same framing, accepts what hookverify's test signer signs; hookverify
// accepts what the oracle's reference signer signs and the vendor's published examples; every
// signed element changed by one byte is refused; the replay window is the SDK's, at its edges,
// or the definition says the sender is replayable and dedupes on the body's digest.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { durationToMs } from '../../src/core/duration.js';
import type { Sender } from '../../src/core/scheme/compose-sender.js';
import type { Verifier, VerifierOptions } from '../../src/core/verifier.js';
import { signDelivery } from '../../src/testing/index.js';
import { header, utf8, withHeader, type Oracle, type SignedRequest, type SignInput } from '../oracles/oracle.js';
import { expectCode } from './conformance.js';

export interface OracleCase {
  readonly sender: Sender;
  readonly create: (options: VerifierOptions) => Verifier;
  readonly oracle: Oracle;
  /** The dedupe id and event type the definition must report for a delivery. */
  readonly expected: (request: SignedRequest) => { id: string | undefined; eventType: string | undefined };
  /** The payload a verifier must report. Default: the body parsed as JSON. */
  readonly payload?: (request: SignedRequest) => unknown;
}

// A round number, so a timestamp moved by one digit stays inside every window.
const SIGNED_AT = 1_750_000_000;
const DEFAULT_TOLERANCE_MS = 300_000;

/** The SHA-256 of the bytes, as hex: what `bodyDigest` must report. */
export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The body of a request, parsed as JSON. */
export const jsonOf = (request: SignedRequest) => JSON.parse(Buffer.from(request.body).toString('utf8')) as Record<string, unknown>;

export function describeOracleChecks(c: OracleCase): void {
  const { oracle, sender } = c;
  const keys = oracle.keys();
  const inputAt = (timestamp = SIGNED_AT, key = keys.signingKey): SignInput => ({ ...oracle.example, key, timestamp });
  const reference = (timestamp = SIGNED_AT) => oracle.reference.sign(inputAt(timestamp));
  const verifierAt = (seconds: number, options: Partial<VerifierOptions> = {}) =>
    c.create({ secret: keys.verifyingKey, now: () => seconds * 1000, ...options } as VerifierOptions);
  const accepts = (request: SignedRequest, seconds = SIGNED_AT, options: Partial<VerifierOptions> = {}) =>
    verifierAt(seconds, options).verify({ body: request.body, headers: request.headers, url: request.url, method: request.method });
  const sigHeader = sender.signature.kind === 'body-field' ? undefined : sender.signature.header;

  /** hookverify/testing's signature over the reference's body (Linear's carries its own time). */
  async function ours(key = keys.signingKey): Promise<SignedRequest> {
    const base = reference();
    const signed = await signDelivery(sender, { secret: key, body: base.body, timestamp: SIGNED_AT * 1000, url: base.url });
    const body = typeof signed.body === 'string' ? utf8(signed.body) : signed.body;
    return { method: base.method, url: base.url, headers: { ...base.headers, ...signed.headers }, body };
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

    if (sigHeader) {
      it('hookverify/testing writes the signature header the reference signer writes', async () => {
        expect(header(await ours(), sigHeader)).toBe(header(reference(), sigHeader));
        if (oracle.signatureFormat) expect(header(await ours(), oracle.signatureFormat.header)).toMatch(oracle.signatureFormat.pattern);
      });
    }

    it('verifies what the reference signer signs, with the id and event type the definition names', async () => {
      const request = reference();
      const delivery = await accepts(request);
      expect(delivery).toMatchObject({ sender: sender.name, ...c.expected(request), authenticated: 'body' });
      expect(delivery.payload).toEqual((c.payload ?? jsonOf)(request));
      expect(delivery.timestamp?.getTime()).toBe(sender.timestamp ? SIGNED_AT * 1000 : undefined);
    });

    for (const vector of oracle.vectors) {
      it(`accepts the published example: ${vector.source}`, async () => {
        const published = withHeader(oracle.reference.sign(vector.input), vector.header, vector.value);
        await expect(
          c.create({ secret: vector.verifyingKey, now: () => vector.input.timestamp * 1000 }).verify({ body: published.body, headers: published.headers }),
        ).resolves.toMatchObject({ sender: sender.name });
      });
    }

    for (const tamper of oracle.tampers.filter((t) => t.refused)) {
      it(`refuses the delivery after changing ${tamper.what}`, async () => {
        const request = tamper.apply(reference());
        const outcome = await expectCode(verifierAt(SIGNED_AT), { body: request.body, headers: request.headers }, 'invalid_signature');
        expect(outcome.message).not.toContain(keys.signingKey);
      });
    }

    if (sender.timestamp) {
      const toleranceMs = durationToMs(sender.tolerance ?? '5m', 'tolerance');
      const past = oracle.replayWindow?.past;
      it(`uses ${past == null ? 'the usual 5-minute window (no SDK says otherwise)' : `the SDK's window of ${past} s`}`, () => {
        expect(toleranceMs).toBe(past == null ? DEFAULT_TOLERANCE_MS : past * 1000);
        expect(sender.replayProtection).toBe('timestamp');
      });

      it('accepts a delivery at both edges of the window and refuses one a millisecond outside', async () => {
        const request = reference();
        const at = (ms: number) => verifierAt(0, { now: () => SIGNED_AT * 1000 + ms });
        const input = { body: request.body, headers: request.headers };
        await expect(at(toleranceMs).verify(input)).resolves.toMatchObject({ replayable: false });
        await expect(at(-toleranceMs).verify(input)).resolves.toBeDefined();
        await expectCode(at(toleranceMs + 1), input, 'timestamp_too_old');
        await expectCode(at(-toleranceMs - 1), input, 'timestamp_in_future');
      });
    } else {
      it('is marked replayable and dedupes a replay, however late, on the digest of the signed body', async () => {
        expect(sender.replayProtection).toBe('none');
        expect(sender.id).toMatchObject({ kind: 'body-digest' });
        const request = reference();
        const now = await accepts(request);
        const yearLater = await accepts(request, SIGNED_AT + 365 * 86_400);
        expect(now).toMatchObject({ replayable: true, id: sha256Hex(request.body) });
        expect(yearLater.id).toBe(now.id);
      });
    }
  });
}
