// One behaviour suite every sender must pass. Each sender's test file describes the sender and
// brings an independent signer written with node:crypto directly, so hookverify is checked
// against the documented algorithm rather than against itself.
import { createPublicKey, verify as verifySignature, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { VERIFICATION_CODES } from '../helpers/verification-codes.js';
import type { HeadersInput } from '../../src/core/headers.js';
import { WebhookVerificationError, type VerificationErrorCode } from '../../src/core/errors.js';
import type { Sender } from '../../src/core/sender.js';
import type { HeaderParametersSource } from '../../src/core/scheme/signatures/header-parameters.js';
import type { SignatureHeaderSource } from '../../src/core/scheme/signatures/signature-header.js';
import type { VerificationFailure, Verifier, VerifierOptions } from '../../src/core/verifier.js';
import type { CryptoBackend, HmacHash } from '../../src/crypto/backend.js';
import { nodeCryptoBackend } from '../../src/crypto/node.js';
import { webCryptoBackend } from '../../src/crypto/web.js';
import { signDelivery, type PrivateKeyInput } from '../../src/testing/index.js';

export interface ConformanceCase {
  readonly name: string;
  readonly sender: Sender<SignatureHeaderSource | HeaderParametersSource>;
  readonly create: (options: VerifierOptions) => Verifier;
  /** Two valid secrets, as the sender's dashboard shows them (public keys, for a public-key sender). */
  readonly secrets: readonly [string, string];
  /** A public-key sender: the private key of each key in `secrets` and of `wrongSecret`, for hookverify's test signer. */
  readonly signingKey?: (secret: string) => PrivateKeyInput;
  /** A well-formed secret the deliveries are not signed with. */
  readonly wrongSecret: string;
  /** Whether the sender puts several signatures in one header during a rotation. */
  readonly multiSignature: boolean;
  /** The signing time: in a header (most senders), in the JSON body (EdgeSense), or nowhere (GitHub). */
  readonly timestampIn: 'header' | 'body' | 'none';
  /** A JSON payload signed at `timestampMs`. */
  payload(timestampMs: number): Record<string, unknown>;
  /** The reference signer: node:crypto directly; one signature per secret (per public key: with its private key). */
  sign(body: string | Uint8Array, timestampMs: number, secrets: readonly string[]): Record<string, string>;
  /** The sender's default replay window in ms, when it is not the usual 5 minutes. */
  readonly defaultToleranceMs?: number;
  /** The URL the deliveries are signed for, for senders that sign it (the verifier pins it). */
  readonly url?: string;
  /** The dedupe id a verifier must report. */
  expectedId(body: Uint8Array, headers: Readonly<Record<string, string>>, payload: Record<string, unknown>): string | undefined;
}

/** 2026-11-23T12:00:00Z: a fixed "now" so no test depends on today's date. */
export const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const DEFAULT_TOLERANCE = 300_000;

const utf8 = (text: string) => new TextEncoder().encode(text);

/**
 * Counts HMACs and public-key verifications, to check the work a verifier does per request. The
 * public-key operations are node:crypto's own, so the count does not depend on hookverify's.
 */
export function countingBackend(inner: CryptoBackend = nodeCryptoBackend()!): CryptoBackend & { hmacs: number; verifications: number } {
  const backend = {
    name: 'counting',
    hmacs: 0,
    verifications: 0,
    importHmacKey: (raw: Uint8Array) => inner.importHmacKey(raw),
    hmacSha256(key: unknown, parts: readonly (string | Uint8Array)[]) {
      backend.hmacs++;
      return inner.hmacSha256(key, parts);
    },
    hmac(hash: HmacHash, key: unknown, parts: readonly (string | Uint8Array)[]) {
      backend.hmacs++;
      return inner.hmac!(hash, key, parts);
    },
    sha256: (data: string | Uint8Array) => inner.sha256(data),
    timingSafeEqual: (a: Uint8Array, b: Uint8Array) => inner.timingSafeEqual(a, b),
    importPublicKey: (_algorithm: string, spki: Uint8Array) => createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' }),
    verifySignature(algorithm: string, key: unknown, parts: readonly (string | Uint8Array)[], signature: Uint8Array) {
      backend.verifications++;
      const data = Buffer.concat(parts.map((part) => Buffer.from(part)));
      return algorithm === 'ed25519'
        ? verifySignature(null, data, key as KeyObject, signature)
        : verifySignature('sha256', data, { key: key as KeyObject, dsaEncoding: 'ieee-p1363' }, signature);
    },
  };
  return backend;
}

export async function expectCode(verifier: Verifier, input: { body: unknown; headers: unknown; url?: string; method?: string }, code: VerificationErrorCode) {
  const outcome = await verifier.safeVerify(input as never);
  expect(outcome).toMatchObject({ ok: false, code });
  const error = await verifier.verify(input as never).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(WebhookVerificationError);
  expect((error as WebhookVerificationError).code).toBe(code);
  return outcome as VerificationFailure;
}

/**
 * Flips one bit of the first signature's last byte, keeping its encoding, its case and (for an
 * ECDSA signature in DER) its structure valid, so that only the signature check can refuse it.
 * The signature starts after its prefix, which may follow other parameters (`t=…,v1=…`), and
 * runs to the next separator.
 */
function tamperSignature(value: string, prefix: string, encoding: 'hex' | 'base64'): string {
  const start = value.indexOf(prefix) + prefix.length;
  const length = value.slice(start).search(/[,; ]/);
  const stop = length === -1 ? value.length : start + length;
  const text = value.slice(start, stop);
  const bytes = Buffer.from(text, encoding);
  bytes[bytes.length - 1]! ^= 1;
  const tampered = bytes.toString(encoding);
  return value.slice(0, start) + (encoding === 'hex' && text === text.toUpperCase() ? tampered.toUpperCase() : tampered) + value.slice(stop);
}

export function describeConformance(c: ConformanceCase): void {
  const [secretA, secretB] = c.secrets;
  const signature = c.sender.signature;
  const sigHeader = signature.header;
  // What stands before each signature, and between entries: for a header of parameters
  // (`t=…,v1=…`), the signature parameter's name and the pair separator.
  const prefix = signature.kind === 'header' ? (signature.prefix ?? '') : `${signature.signatureParameter}${signature.kvSeparator}`;
  const separator = signature.kind === 'header' ? signature.separator : signature.pairSeparator;
  /** The header up to the first signature, and the signatures from there on. */
  const splitAtSignature = (value: string): [string, string] => {
    const at = value.indexOf(prefix) + prefix.length;
    return [value.slice(0, at), value.slice(at)];
  };
  const isHex = c.sender.signature.encoding.name === 'hex';
  const tsSource = c.sender.timestamp?.source;
  const tsHeader = tsSource?.kind === 'header' ? tsSource.name : undefined;
  /** A Unix-seconds timestamp parameter of the signature header, as `name=value` at NOW. */
  const tsPair = tsSource?.kind === 'parameter' && signature.kind === 'header-parameters'
    ? (seconds = NOW / 1000) => `${tsSource.name}${signature.kvSeparator}${seconds}`
    : undefined;
  const verifierFor = (options: Partial<VerifierOptions> = {}) =>
    c.create({ secret: secretA, now: () => NOW, ...options } as VerifierOptions);
  const deliver = (timestampMs = NOW, secrets: readonly string[] = [secretA]) => {
    const payload = c.payload(timestampMs);
    const body = JSON.stringify(payload);
    return { body, payload, headers: c.sign(body, timestampMs, secrets) };
  };

  describe(`${c.name}: valid deliveries`, () => {
    it('verifies a delivery signed with the documented algorithm', async () => {
      const { body, payload, headers } = deliver();
      const delivery = await verifierFor().verify({ body, headers });
      expect(delivery.sender).toBe(c.sender.name);
      expect(delivery.payload).toEqual(payload);
      expect(delivery.id).toBe(c.expectedId(utf8(body), headers, payload));
      expect(delivery.id).toEqual(expect.any(String));
      expect(delivery.timestamp?.getTime()).toBe(c.timestampIn === 'none' ? undefined : NOW);
      expect(delivery.matchedSecret).toEqual({ index: 0, label: undefined });
    });

    it('signs exactly like the reference signer (hookverify/testing)', async () => {
      const { body, headers } = deliver();
      const idHeader = c.sender.id?.kind === 'header' ? c.sender.id.name : undefined;
      const typeHeader = c.sender.eventType?.kind === 'header' ? c.sender.eventType.name : undefined;
      const secrets = c.multiSignature ? [secretA, secretB] : [secretA];
      const signed = await signDelivery(c.sender, {
        secrets: c.signingKey ? secrets.map(c.signingKey) : secrets,
        body,
        timestamp: NOW,
        id: idHeader ? headers[idHeader] : undefined,
        eventType: typeHeader ? headers[typeHeader] : undefined,
        url: c.url,
      });
      const expected = c.sign(body, NOW, secrets);
      // ECDSA signatures are randomised: the same content signs differently each time.
      const randomised = c.sender.algorithm.kind === 'ecdsa-p256';
      for (const [name, value] of Object.entries(expected)) if (!(randomised && name === sigHeader)) expect(signed.headers[name], name).toBe(value);
      expect(signed.body).toBe(body);
      if (randomised) await expect(verifierFor().verify(signed)).resolves.toBeDefined();
    });

    it('accepts the body as a string, Uint8Array, ArrayBuffer, Buffer and a Buffer slice', async () => {
      const { body, headers } = deliver();
      const bytes = utf8(body);
      const padded = Buffer.concat([Buffer.from('garbage'), Buffer.from(body), Buffer.from('tail')]);
      const bodies = [body, bytes, bytes.slice().buffer, Buffer.from(body), padded.subarray(7, 7 + bytes.byteLength)];
      const verifier = verifierFor();
      for (const candidate of bodies) {
        await expect(verifier.verify({ body: candidate, headers })).resolves.toMatchObject({ payload: JSON.parse(body) });
      }
    });

    it('reads Fetch Headers, Node headers with string arrays and records in any case', async () => {
      const { body, headers } = deliver();
      const verifier = verifierFor();
      const shapes: HeadersInput[] = [
        new Headers(headers),
        Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
        Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v])),
        Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.replace(/(^|-)([a-z])/g, (m) => m.toUpperCase()), v])),
        Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, ` ${v}\t`])),
      ];
      for (const shape of shapes) await expect(verifier.verify({ body, headers: shape })).resolves.toBeDefined();
    });

    if (isHex) {
      it('accepts hex signatures in lower and upper case', async () => {
        const { body, headers } = deliver();
        const [head, hexPart] = splitAtSignature(headers[sigHeader]!);
        for (const variant of [hexPart.toLowerCase(), hexPart.toUpperCase()]) {
          await expect(verifierFor().verify({ body, headers: { ...headers, [sigHeader]: head + variant } })).resolves.toBeDefined();
        }
      });
    }
  });

  describe(`${c.name}: refused deliveries`, () => {
    it('refuses a tampered body', async () => {
      const { body, headers } = deliver();
      const verifier = verifierFor();
      await expectCode(verifier, { body: body.replace('}', ',"x":1}'), headers }, 'invalid_signature');
      await expectCode(verifier, { body: `${body}\n`, headers }, 'invalid_signature');
      // Re-serialized JSON (spaces added) is refused, and the message says why.
      const outcome = await expectCode(verifier, { body: JSON.stringify(JSON.parse(body), null, 1), headers }, 'invalid_signature');
      expect(outcome.message).toMatch(/raw/);
    });

    if (c.timestampIn !== 'none') it('refuses a tampered timestamp', async () => {
      const { payload, headers, body } = deliver();
      if (tsHeader) {
        const moved = c.sign(body, NOW - 1000, [secretA])[tsHeader]!;
        expect(moved).not.toBe(headers[tsHeader]);
        await expectCode(verifierFor(), { body, headers: { ...headers, [tsHeader]: moved } }, 'invalid_signature');
      } else if (tsPair) {
        expect(headers[sigHeader]).toContain(tsPair());
        const moved = headers[sigHeader]!.replace(tsPair(), tsPair(NOW / 1000 - 1));
        await expectCode(verifierFor(), { body, headers: { ...headers, [sigHeader]: moved } }, 'invalid_signature');
      } else {
        const moved = JSON.stringify(c.payload(NOW - 1000));
        expect(moved).not.toBe(JSON.stringify(payload));
        await expectCode(verifierFor(), { body: moved, headers }, 'invalid_signature');
      }
    });

    it('refuses a tampered signature and never reveals the expected one', async () => {
      const { body, headers } = deliver();
      const tampered = tamperSignature(headers[sigHeader]!, prefix, c.sender.signature.encoding.name);
      const outcome = await expectCode(verifierFor(), { body, headers: { ...headers, [sigHeader]: tampered } }, 'invalid_signature');
      const expectedSig = splitAtSignature(headers[sigHeader]!)[1];
      expect(outcome.message).not.toContain(expectedSig);
      expect(outcome.message.toLowerCase()).not.toContain(expectedSig.toLowerCase().slice(0, 16));
      expect(outcome.message).not.toContain(secretA);
    });

    it('refuses a delivery signed with another secret', async () => {
      const { body, headers } = deliver(NOW, [c.wrongSecret]);
      await expectCode(verifierFor(), { body, headers }, 'invalid_signature');
    });

    if (c.multiSignature) {
      it('accepts two signatures when either one is valid', async () => {
        for (const order of [[secretA, c.wrongSecret], [c.wrongSecret, secretA]]) {
          const { body, headers } = deliver(NOW, order);
          expect(headers[sigHeader]).toContain(separator!);
          await expect(verifierFor().verify({ body, headers })).resolves.toBeDefined();
        }
        const { body, headers } = deliver(NOW, [c.wrongSecret, c.wrongSecret]);
        await expectCode(verifierFor(), { body, headers }, 'invalid_signature');
      });

      // Issue #11, item 8: an undecodable entry used to make the whole header malformed.
      it('skips entries that can never match and verifies the rest, still within the entry bound', async () => {
        const { body, headers } = deliver(NOW, [secretA]);
        const valid = headers[sigHeader]!;
        const junk = [`${prefix}potato`, `${prefix}${isHex ? 'ab'.repeat(31) : 'QUJD'}`, `${prefix}${isHex ? 'zz'.repeat(32) : '!!!!'}`];
        for (const bad of junk) {
          for (const value of [`${valid}${separator}${bad}`, `${bad}${separator}${valid}`]) {
            await expect(verifierFor().verify({ body, headers: { ...headers, [sigHeader]: value } }), value).resolves.toBeDefined();
          }
        }
        const backend = countingBackend();
        // A header of parameters keeps what precedes its signatures (Mux's `t=…,`).
        const lead = valid.slice(0, valid.indexOf(prefix));
        const none = await expectCode(verifierFor({ backend }), { body, headers: { ...headers, [sigHeader]: lead + junk.join(separator) } }, 'malformed_header');
        expect(none.message).toMatch(/has no ("[^"]+" )?signature/);
        expect(backend.hmacs).toBe(0);
        const sixteen = [...Array.from({ length: 15 }, () => junk[0]!), valid];
        await expect(verifierFor().verify({ body, headers: { ...headers, [sigHeader]: sixteen.join(separator) } })).resolves.toBeDefined();
        // A signature header bounds its entries at 16; a header of parameters bounds its pairs
        // at 32 and counts only decodable signatures toward the 16.
        const overBound = signature.kind === 'header' ? [junk[0]!, ...sixteen] : [...Array.from({ length: 32 }, () => junk[0]!), valid];
        await expectCode(verifierFor(), { body, headers: { ...headers, [sigHeader]: overBound.join(separator) } }, 'malformed_header');
      });

      it('tolerates whitespace and empty entries between signatures', async () => {
        const { body, headers } = deliver(NOW, [c.wrongSecret, secretA]);
        const spaced = headers[sigHeader]!.split(separator!).join(`  ${separator}${separator === ' ' ? '' : ' '} `);
        await expect(verifierFor().verify({ body, headers: { ...headers, [sigHeader]: spaced } })).resolves.toBeDefined();
      });
    } else {
      it('refuses two signatures in a header that carries one', async () => {
        const a = deliver(NOW, [secretA]).headers[sigHeader]!;
        const { body, headers } = deliver(NOW, [c.wrongSecret]);
        await expectCode(verifierFor(), { body, headers: { ...headers, [sigHeader]: `${headers[sigHeader]},${a}` } }, 'malformed_header');
      });
    }
  });

  describe(`${c.name}: secret rolling`, () => {
    it('reports which secret matched, by label and index', async () => {
      const verifier = verifierFor({ secret: undefined, secrets: [{ secret: secretA, label: 'new' }, { secret: secretB, label: 'old' }] });
      const signedB = deliver(NOW, [secretB]);
      await expect(verifier.verify(signedB)).resolves.toMatchObject({ matchedSecret: { index: 1, label: 'old' } });
      const signedA = deliver(NOW, [secretA]);
      await expect(verifier.verify(signedA)).resolves.toMatchObject({ matchedSecret: { index: 0, label: 'new' } });
      const unlabeled = verifierFor({ secret: undefined, secrets: [secretB, secretA] });
      await expect(unlabeled.verify(signedA)).resolves.toMatchObject({ matchedSecret: { index: 1, label: undefined } });
    });

    it('ignores a secret after its notAfter without being rebuilt', async () => {
      let now = NOW;
      const notAfter = new Date(NOW + 60_000);
      const verifier = verifierFor({
        secret: undefined,
        secrets: [{ secret: secretB, label: 'old', notAfter }, { secret: secretA, label: 'new' }],
        now: () => now,
      });
      const oldAt = (t: number) => deliver(t, [secretB]);
      await expect(verifier.verify(oldAt(NOW))).resolves.toMatchObject({ matchedSecret: { label: 'old' } });
      now = NOW + 60_000;
      await expect(verifier.verify(oldAt(now))).resolves.toMatchObject({ matchedSecret: { label: 'old' } });
      now = NOW + 60_001;
      await expectCode(verifier, oldAt(now), 'invalid_signature');
      await expect(verifier.verify(deliver(now, [secretA]))).resolves.toMatchObject({ matchedSecret: { index: 1, label: 'new' } });
    });

    it('answers no_active_secret once every secret has expired', async () => {
      let now = NOW;
      const verifier = verifierFor({ secret: { secret: secretA, notAfter: '2026-11-23T12:01:00Z' }, now: () => now });
      await expect(verifier.verify(deliver(now))).resolves.toBeDefined();
      now = NOW + 61_000;
      const outcome = await expectCode(verifier, deliver(now), 'no_active_secret');
      expect(outcome.message).toMatch(/notAfter/);
    });

    const work = c.sender.algorithm.kind === 'hmac' ? 'computes at most one HMAC per active secret' : 'checks a signature at most once per active key';
    it(`${work}, whatever the number of signatures`, async () => {
      const backend = countingBackend();
      const verifier = verifierFor({ secret: undefined, secrets: [c.wrongSecret, secretB], backend });
      const signed = deliver(NOW, c.multiSignature ? [secretA, c.wrongSecret] : [c.wrongSecret]);
      await verifier.verify(signed);
      expect(backend.hmacs + backend.verifications).toBe(1);
      backend.hmacs = 0;
      backend.verifications = 0;
      const outcome = await verifier.safeVerify(deliver(NOW, c.multiSignature ? [secretA, secretA] : [secretA]));
      expect(outcome).toMatchObject({ ok: false, code: 'invalid_signature' });
      expect(backend.hmacs + backend.verifications).toBe(2);
    });
  });

  if (c.timestampIn !== 'none') describe(`${c.name}: replay window`, () => {
    const at = (now: number, options: Partial<VerifierOptions> = {}) => verifierFor({ now: () => now, ...options });

    it('accepts timestamps at and inside both edges, refuses just outside', async () => {
      const TOLERANCE = c.defaultToleranceMs ?? DEFAULT_TOLERANCE;
      const seconds = TOLERANCE / 1000;
      const signed = deliver(NOW);
      await expect(at(NOW + TOLERANCE).verify(signed)).resolves.toBeDefined();
      await expect(at(NOW + TOLERANCE - 1).verify(signed)).resolves.toBeDefined();
      await expect(at(NOW - TOLERANCE).verify(signed)).resolves.toBeDefined();
      await expect(at(NOW - TOLERANCE + 1).verify(signed)).resolves.toBeDefined();
      const old = await expectCode(at(NOW + TOLERANCE + 1), signed, 'timestamp_too_old');
      expect(old.message).toMatch(new RegExp(`${seconds}s in the past.*clock is ahead`));
      const future = await expectCode(at(NOW - TOLERANCE - 1), signed, 'timestamp_in_future');
      expect(future.message).toMatch(new RegExp(`${seconds}s in the future.*clock is behind`));
      await expectCode(at(NOW + 3 * 86_400_000), signed, 'timestamp_too_old');
    });

    it('uses the configured tolerance and accepts a Date from now()', async () => {
      const signed = deliver(NOW);
      await expect(at(NOW + 10_000, { tolerance: '10s' }).verify(signed)).resolves.toBeDefined();
      await expectCode(at(NOW + 10_001, { tolerance: 10 }), signed, 'timestamp_too_old');
      await expectCode(at(NOW - 10_001, { tolerance: '10s' }), signed, 'timestamp_in_future');
      await expect(verifierFor({ now: () => new Date(NOW + 1000) }).verify(signed)).resolves.toBeDefined();
    });

    it('checks the window only when explicitly opted out of', async () => {
      const signed = deliver(NOW - 365 * 86_400_000);
      await expectCode(verifierFor(), signed, 'timestamp_too_old');
      await expect(verifierFor({ unsafeDisableReplayCheck: true }).verify(signed)).resolves.toBeDefined();
    });

    if (tsHeader) {
      it('refuses an unparseable or duplicated timestamp header', async () => {
        const { body, headers } = deliver();
        for (const bad of ['yesterday', '-1', '1e9', '2026-13-01T00:00:00Z', `${headers[tsHeader]}x`]) {
          await expectCode(verifierFor(), { body, headers: { ...headers, [tsHeader]: bad } }, 'malformed_header');
        }
        const doubled = new Headers(headers);
        doubled.append(tsHeader, headers[tsHeader]!);
        await expectCode(verifierFor(), { body, headers: doubled }, 'malformed_header');
        await expectCode(verifierFor(), { body, headers: { ...headers, [tsHeader]: [headers[tsHeader]!, '0'] } }, 'malformed_header');
      });
    } else if (tsPair) {
      it('refuses an unparseable or repeated timestamp parameter', async () => {
        const { body, headers } = deliver();
        for (const bad of ['yesterday', '-1', '1e9', `${NOW / 1000}x`, '']) {
          const value = headers[sigHeader]!.replace(tsPair(), tsPair().replace(String(NOW / 1000), bad));
          await expectCode(verifierFor(), { body, headers: { ...headers, [sigHeader]: value } }, 'malformed_header');
        }
        const repeated = `${headers[sigHeader]}${separator}${tsPair()}`;
        await expectCode(verifierFor(), { body, headers: { ...headers, [sigHeader]: repeated } }, 'malformed_header');
      });
    } else {
      it('checks the body timestamp only after the signature holds', async () => {
        const stale = deliver(NOW - (c.defaultToleranceMs ?? DEFAULT_TOLERANCE) - 3_600_000);
        await expectCode(verifierFor(), stale, 'timestamp_too_old');
        await expectCode(verifierFor(), { body: stale.body, headers: deliver().headers }, 'invalid_signature');
      });
    }
  });

  describe(`${c.name}: headers`, () => {
    it('answers missing_header for each absent header', async () => {
      const { body, headers } = deliver();
      for (const name of Object.keys(headers)) {
        const rest = { ...headers };
        delete rest[name];
        const outcome = await expectCode(verifierFor(), { body, headers: rest }, 'missing_header');
        expect(outcome.message).toContain(name);
        await expectCode(verifierFor(), { body, headers: { ...headers, [name]: [] } }, 'missing_header');
        await expectCode(verifierFor(), { body, headers: { ...headers, [name]: '  ' } }, 'missing_header');
      }
      await expectCode(verifierFor(), { body, headers: {} }, 'missing_header');
      await expectCode(verifierFor(), { body, headers: new Headers() }, 'missing_header');
    });

    // Issue #11, item 7: one rule for every header the verifier reads, identical repeats included.
    it('answers malformed_header, naming the header as sent more than once, for any header it reads sent twice', async () => {
      const { body, headers } = deliver();
      const other = deliver(NOW, [c.wrongSecret]).headers[sigHeader]!;
      for (const name of Object.keys(headers)) {
        for (const repeat of [[headers[name]!, headers[name]!], [headers[name]!, `${headers[name]!}0`]]) {
          const outcome = await expectCode(verifierFor(), { body, headers: { ...headers, [name]: repeat } }, 'malformed_header');
          expect(outcome.message).toContain(`the ${name} header was sent more than once`);
        }
      }
      await expectCode(verifierFor(), { body, headers: { ...headers, [sigHeader]: [headers[sigHeader]!, other] } }, 'malformed_header');
      const mixed = { ...headers, [sigHeader.toUpperCase()]: other } as Record<string, string>;
      delete mixed[sigHeader];
      mixed[sigHeader.replace(/^./, (m) => m.toUpperCase())] = headers[sigHeader]!;
      await expectCode(verifierFor(), { body, headers: mixed }, 'malformed_header');
    });

    it('ends hostile header values in a verification code, never a TypeError', async () => {
      const { body, headers } = deliver();
      const entry = headers[sigHeader]!.split(separator ?? ',')[0]!;
      const cases: [unknown, VerificationErrorCode][] = [
        [12345, 'malformed_header'],
        [{ value: headers[sigHeader] }, 'malformed_header'],
        [[{}], 'malformed_header'],
        [null, 'missing_header'],
        ['a'.repeat(64 * 1024), 'malformed_header'],
        [Array.from({ length: 1000 }, () => entry).join(separator), 'malformed_header'],
        [Array.from({ length: 17 }, () => `${prefix}x`).join(separator), 'malformed_header'],
        // 1,000 short entries fit in 8 KiB: refused by count, before any decoding or HMAC.
        [Array.from({ length: 1000 }, () => 'a').join(separator), 'malformed_header'],
        [`${prefix}${'zz'.repeat(32)}`, 'malformed_header'],
        [`${prefix}${'a'.repeat(63)}`, 'malformed_header'],
        [`${prefix}${'ab'.repeat(31)}`, 'malformed_header'],
        [`${prefix}${'ab'.repeat(33)}`, 'malformed_header'],
        [`${prefix}!!!!`, 'malformed_header'],
        [`${prefix}${'é'.repeat(64)}`, 'malformed_header'],
      ];
      const backend = countingBackend();
      for (const [value, code] of cases) {
        await expectCode(verifierFor({ backend }), { body, headers: { ...headers, [sigHeader]: value } }, code);
      }
      expect(backend.hmacs + backend.verifications).toBe(0);
      for (const name of Object.keys(headers)) {
        for (const value of [7, { toString: () => 'x' }, 'b'.repeat(64 * 1024), [1, 2]]) {
          await expectCode(verifierFor(), { body, headers: { ...headers, [name]: value } }, 'malformed_header');
        }
      }
      for (const shape of [null, undefined, 42, 'headers', [], { get: () => 42 }, { get: () => { throw new Error('x'); } }]) {
        const outcome = await verifierFor().safeVerify({ body, headers: shape as never });
        expect(outcome.ok).toBe(false);
        expect(VERIFICATION_CODES).toContain((outcome as VerificationFailure).code);
      }
    });
  });

  describe(`${c.name}: bodies`, () => {
    it('answers body_too_large before hashing, for strings and bytes, counting UTF-8 bytes', async () => {
      const payload = { ...c.payload(NOW), note: 'é✓🚀'.repeat(40) };
      const body = JSON.stringify(payload);
      const bytes = utf8(body);
      const headers = c.sign(body, NOW, [secretA]);
      expect(body.length).toBeLessThan(bytes.byteLength - 100);
      const backend = countingBackend();
      const exact = verifierFor({ maxBodyBytes: bytes.byteLength, backend });
      await expect(exact.verify({ body, headers })).resolves.toBeDefined();
      await expect(exact.verify({ body: bytes, headers })).resolves.toBeDefined();
      // One byte short, yet far more bytes than the string has UTF-16 units.
      const short = verifierFor({ maxBodyBytes: bytes.byteLength - 1, backend });
      backend.hmacs = 0;
      backend.verifications = 0;
      for (const candidate of [body, bytes, bytes.slice().buffer, Buffer.from(bytes)]) {
        await expectCode(short, { body: candidate, headers }, 'body_too_large');
      }
      await expectCode(verifierFor({ maxBodyBytes: body.length }), { body, headers }, 'body_too_large');
      await expectCode(short, { body, headers: {} }, 'body_too_large');
      expect(backend.hmacs + backend.verifications).toBe(0);
      await expectCode(verifierFor(), { body: 'x'.repeat(1024 * 1024 + 1), headers }, 'body_too_large');
    });

    it('answers invalid_body for a signed body that is not UTF-8 JSON, only after the signature', async () => {
      const verifier = verifierFor();
      for (const body of ['not json', '', '{"unterminated": ', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])]) {
        const headers = c.sign(body, NOW, [secretA]);
        const outcome = await expectCode(verifier, { body, headers }, 'invalid_body');
        expect(outcome.message).toMatch(/JSON|timestamp/);
        await expectCode(verifier, { body, headers: c.sign(body, NOW, [c.wrongSecret]) }, 'invalid_signature');
      }
    });

    it('answers invalid_body for a parsed object and other non-bytes', async () => {
      const { body, payload, headers } = deliver();
      for (const parsed of [payload, JSON.parse(body), null, undefined, 42, new DataView(utf8(body).buffer), [1, 2]]) {
        const outcome = await expectCode(verifierFor(), { body: parsed, headers }, 'invalid_body');
        expect(outcome.message).toMatch(/raw bytes/);
      }
      const outcome = await verifierFor().safeVerify(null as never);
      expect(outcome).toMatchObject({ ok: false, code: 'invalid_body' });
    });
  });

  describe(`${c.name}: synchronous methods`, () => {
    it('verifySync, safeVerifySync and verifySignatureSync answer what the promise methods answer, on node:crypto', async () => {
      const { body, headers } = deliver();
      const verifier = verifierFor({ backend: nodeCryptoBackend()! });
      const delivery = verifier.verifySync({ body, headers });
      expect(delivery).toEqual(await verifier.verify({ body, headers }));
      expect(verifier.safeVerifySync({ body, headers })).toEqual({ ok: true, delivery });
      expect(verifier.verifySignatureSync({ body, headers })).toEqual(await verifier.verifySignature({ body, headers }));
      const tampered = { body: `${body} `, headers };
      expect(verifier.safeVerifySync(tampered)).toEqual(await verifier.safeVerify(tampered));
      expect(verifier.verifySignatureSync(tampered)).toMatchObject({ ok: false, code: 'invalid_signature' });
      expect(() => verifier.verifySync(tampered)).toThrow(expect.objectContaining({ name: 'WebhookVerificationError', code: 'invalid_signature' }));
    });

    it('throw ConfigurationError async_backend on Web Crypto, which has no synchronous answer', async () => {
      const { body, headers } = deliver();
      const verifier = verifierFor({ backend: webCryptoBackend() });
      for (const call of [verifier.verifySync, verifier.safeVerifySync, verifier.verifySignatureSync]) {
        expect(() => call({ body, headers })).toThrow(expect.objectContaining({ name: 'ConfigurationError', code: 'async_backend' }));
      }
      // The same verifier still answers through its promise methods.
      await expect(verifier.verify({ body, headers })).resolves.toMatchObject({ sender: c.sender.name });
    });
  });

  describe(`${c.name}: verifySignature`, () => {
    it('checks the signature without parsing the body', async () => {
      const body = 'not json at all';
      const headers = c.sign(body, NOW, [secretA]);
      await expect(verifierFor().verifySignature({ body, headers })).resolves.toMatchObject({
        sender: c.sender.name,
        matchedSecret: { index: 0 },
      });
      await expect(verifierFor().verifySignature({ body: `${body}!`, headers })).resolves.toMatchObject({
        ok: false,
        code: 'invalid_signature',
      });
    });
  });
}
