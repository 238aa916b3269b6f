// The checks of issue #12 every vendor definition passes, against the vendor's oracle
// (test/oracles): the vendor's SDK (or, where none verifies, its cross-check) accepts what
// hookverify's test signer signs; hookverify accepts what the SDK signs, else what the oracle's
// reference signer (node:crypto alone) signs, and the vendor's published examples; every tamper the
// oracle lists is refused, or accepted where the scheme leaves that part unsigned; the replay
// window holds at its edges, and a sender without a signed timestamp says it is replayable.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { durationToMs } from '../../src/core/duration.js';
import type { Sender } from '../../src/core/sender.js';
import type { DeliveryInput, Verifier, VerifierOptions } from '../../src/core/verifier.js';
import { signDelivery, type PrivateKeyInput, type SignDeliveryOptions } from '../../src/testing/index.js';
import type { Oracle, SignedRequest } from '../oracles/oracle.js';
import { expectCode, type ConformanceCase } from './conformance.js';

/** A round number of Unix seconds, as the oracle suite signs at. */
export const SIGNED_AT = 1_750_000_000;

export interface VendorCase {
  readonly sender: Sender;
  readonly create: (options: VerifierOptions) => Verifier;
  readonly oracle: Oracle;
  /** What signDelivery signs with, from the oracle's signing key (a private key for public-key schemes). Default: the key itself. */
  readonly privateKey?: (signingKey: string) => PrivateKeyInput;
  /** The body signDelivery is given, from the oracle's example (Mailgun's is the object its fields go into). Default: the example's bytes. */
  readonly bodyFor?: (example: Uint8Array) => unknown;
  /** Headers the vendor sends beside the signature that its SDK insists on (Shopify's topic, shop, version, id). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Headers the vendor sends that are not signed and must not change the dedupe id. */
  readonly unsignedHeaders?: readonly string[];
}

/** The headers a sender reads: the ones a conformance case's signer must send, and no others. */
function headersRead(sender: Sender): string[] {
  const names = new Set<string>();
  if ('header' in sender.signature) names.add(sender.signature.header);
  for (const source of [...sender.signedParts, sender.timestamp?.source, sender.id, sender.eventType]) {
    if (source?.kind === 'header') names.add(source.name);
  }
  return [...names];
}

/**
 * The conformance suite's case for a vendor, signed by the oracle's reference signer: two keys to
 * roll between and a third nobody configured, from the oracle; one signature per delivery (the
 * vendors here send one); only the headers the sender reads; the body digest as the id.
 */
export function conformanceCase(c: VendorCase, payload: ConformanceCase['payload']): ConformanceCase {
  const { sender, oracle } = c;
  // Verifying key -> signing key: the same string for HMAC, a key pair otherwise.
  const pairs = new Map(Array.from({ length: 3 }, () => oracle.keys()).map((pair) => [pair.verifyingKey, pair.signingKey]));
  const [keyA, keyB, wrongKey] = [...pairs.keys()] as [string, string, string];
  const signingKeyOf = (verifyingKey: string) => pairs.get(verifyingKey)!;
  const names = headersRead(sender);
  expect(sender.id?.kind).toBe('body-digest');
  return {
    name: sender.name,
    sender: sender as ConformanceCase['sender'],
    create: c.create,
    secrets: [keyA, keyB],
    wrongSecret: wrongKey,
    signingKey: c.privateKey && ((verifyingKey) => c.privateKey!(signingKeyOf(verifyingKey))),
    multiSignature: false,
    timestampIn: sender.timestamp === undefined ? 'none' : sender.timestamp.source.kind === 'header' ? 'header' : 'body',
    payload,
    sign(body, timestampMs, secrets) {
      expect(secrets).toHaveLength(1);
      const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
      const signed = oracle.reference.sign({ ...oracle.example, body: bytes, key: signingKeyOf(secrets[0]!), timestamp: Math.floor(timestampMs / 1000) });
      return Object.fromEntries(names.map((name) => [name, signed.headers[name]!]));
    },
    expectedId: (body) => createHash('sha256').update(body).digest('hex'),
  };
}

const toInput = (request: SignedRequest): DeliveryInput => ({ body: request.body, headers: request.headers, url: request.url, method: request.method });

function toRequest(signed: { body: string | Uint8Array; headers: Record<string, string> }, url: string): SignedRequest {
  return { method: 'POST', url, headers: signed.headers, body: typeof signed.body === 'string' ? new TextEncoder().encode(signed.body) : signed.body };
}

export function describeVendorChecks(c: VendorCase): void {
  const { sender, oracle } = c;
  const keys = oracle.keys();
  const signedAtMs = SIGNED_AT * 1000;
  const verifierAt = (nowMs: number, options: Partial<VerifierOptions> = {}) =>
    c.create({ secret: keys.verifyingKey, now: () => nowMs, ...options } as VerifierOptions);
  const verifier = verifierAt(signedAtMs + 1000);
  const reference = (timestamp = SIGNED_AT) => oracle.reference.sign({ ...oracle.example, key: keys.signingKey, timestamp });
  const sdkVerify = oracle.verify ?? oracle.crossCheck?.verify;
  const sdkName = oracle.verify ? `${oracle.sdk}'s own verify` : `the cross-check ${oracle.crossCheck?.by}`;
  const signerName = oracle.sign ? `${oracle.sdk}'s signer` : "the oracle's reference signer";

  async function testSigned(): Promise<SignedRequest> {
    const options: SignDeliveryOptions = {
      secret: c.privateKey ? c.privateKey(keys.signingKey) : keys.signingKey,
      body: c.bodyFor ? c.bodyFor(oracle.example.body) : oracle.example.body,
      timestamp: signedAtMs,
      id: oracle.example.id,
      headers: c.headers,
    };
    return toRequest(await signDelivery(sender, options), oracle.example.url);
  }

  describe(`${sender.name}: checked against ${oracle.sdk ?? 'the documented algorithm'}`, () => {
    it(`${sdkName} accepts what hookverify's test signer signs`, async () => {
      expect(sdkVerify).toBeDefined();
      const signed = await testSigned();
      expect(await sdkVerify!(signed, keys.verifyingKey)).toBe(true);
      // And refuses it under another key, so the acceptance means something.
      expect(await sdkVerify!(signed, oracle.keys().verifyingKey)).toBe(false);
    });

    it(`hookverify accepts what ${signerName} signs, and reports what the scheme signs`, async () => {
      const signed = oracle.sign ? await oracle.sign({ ...oracle.example, key: keys.signingKey, timestamp: SIGNED_AT }) : reference();
      const delivery = await verifier.verify(toInput(signed));
      expect(delivery.sender).toBe(sender.name);
      expect(delivery.matchedSecret).toEqual({ index: 0, label: undefined });
      expect(delivery.timestamp?.getTime()).toBe(sender.timestamp ? signedAtMs : undefined);
      expect(delivery.replayable).toBe(sender.timestamp === undefined);
      expect(delivery.id).toEqual(expect.any(String));
      await expectCode(c.create({ secret: oracle.keys().verifyingKey, now: () => signedAtMs }), toInput(signed), 'invalid_signature');
    });

    it.each(oracle.vectors.map((vector) => [vector.source, vector] as const))('hookverify accepts the published example: %s', async (_source, vector) => {
      const published = oracle.reference.sign(vector.input);
      published.headers[vector.header] = vector.value;
      const at = c.create({ secret: vector.verifyingKey, now: () => vector.input.timestamp * 1000 });
      await expect(at.verify(toInput(published))).resolves.toMatchObject({ sender: sender.name });
    });

    it.each(oracle.tampers.map((tamper) => [tamper.what, tamper] as const))('after changing %s, answers as the scheme says', async (_what, tamper) => {
      const tampered = toInput(tamper.apply(reference()));
      if (tamper.refused) await expectCode(verifier, tampered, 'invalid_signature');
      else await expect(verifier.verify(tampered)).resolves.toMatchObject({ authenticated: 'body-fields' });
    });

    if (sender.timestamp) {
      const toleranceMs = durationToMs(sender.tolerance ?? '5m', 'tolerance');
      it(`accepts a delivery ${toleranceMs / 1000} s old or ahead, not one millisecond more`, async () => {
        const input = toInput(reference());
        await expect(verifierAt(signedAtMs + toleranceMs).verify(input)).resolves.toBeDefined();
        await expect(verifierAt(signedAtMs - toleranceMs).verify(input)).resolves.toBeDefined();
        await expectCode(verifierAt(signedAtMs + toleranceMs + 1), input, 'timestamp_too_old');
        await expectCode(verifierAt(signedAtMs - toleranceMs - 1), input, 'timestamp_in_future');
      });
    } else {
      it('is replayable: a delivery signed years ago verifies, marked so, deduped on the digest of the signed body', async () => {
        expect(sender.replayProtection).toBe('none');
        const signed = reference();
        const digest = createHash('sha256').update(signed.body).digest('hex');
        const years = verifierAt(signedAtMs + 10 * 365 * 86_400_000);
        await expect(years.verify(toInput(signed))).resolves.toMatchObject({ replayable: true, id: digest });
        // A replay that rewrites the unsigned headers keeps the id: dedupe still catches it.
        for (const name of c.unsignedHeaders ?? []) {
          expect(signed.headers[name]).toBeDefined();
          const rewritten = { ...signed, headers: { ...signed.headers, [name]: `${signed.headers[name]}-replayed` } };
          await expect(years.verify(toInput(rewritten))).resolves.toMatchObject({ id: digest });
        }
      });
    }
  });
}
