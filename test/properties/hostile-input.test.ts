// Whatever reaches a verifier (any header shape, any header value, any body) ends in a
// refusal with a stable code: safeVerify never rejects, verify rejects only with a
// WebhookVerificationError, verifySignature never rejects.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VERIFICATION_CODES } from '../helpers/verification-codes.js';
import { WebhookVerificationError } from '../../src/core/errors.js';
import { createVerifier, type DeliveryInput } from '../../src/core/verifier.js';
import type { Sender } from '../../src/core/sender.js';
import { generateSigningKeys, signDelivery, type SignedDelivery } from '../../src/testing/index.js';
import { backend, NUM_RUNS, senderCases, vendorSenders } from './fixtures.js';


const MAX_BODY = 4096;
// Allocated once: a fresh megabyte per case would make the property slow, not stronger.
const HUGE = [new Uint8Array(MAX_BODY + 1), new Uint8Array(1024 * 1024).fill(0x7b), 'x'.repeat(MAX_BODY + 1), '\u20ac'.repeat(MAX_BODY / 3 + 1)];

const invalidUtf8Arb = fc
  .tuple(fc.uint8Array({ maxLength: 40 }), fc.constantFrom([0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80]))
  .map(([prefix, bad]) => Uint8Array.from([...prefix, ...bad]));

const bodyArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(''),
  fc.constant(new Uint8Array(0)),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.json(),
  fc.uint8Array({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => bytes.buffer),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => new DataView(bytes.buffer)),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => new Uint16Array(bytes.length)),
  invalidUtf8Arb,
  fc.constantFrom(...HUGE),
  // A body a JSON parser already handled, and other things that are not raw bytes at all.
  fc.anything({ maxDepth: 2 }),
);

/** A header value as frameworks and attackers may present it. */
const valueArb = (validValues: readonly string[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom(...validValues),
    fc.string({ maxLength: 80 }),
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF,v1= +/'), maxLength: 120 }),
    fc.constantFrom('', ' ', 'NaN', 'Infinity', '-1', '1e3', '2026-11-23T23:59:60Z', '9999-12-31T23:59:59Z', 'x'.repeat(70_000)),
    fc.array(fc.oneof(fc.constantFrom(...validValues), fc.string({ maxLength: 20 })), { maxLength: 4 }),
    fc.anything({ maxDepth: 1 }),
  );

function headersArb(names: readonly string[], valid: Readonly<Record<string, string>>): fc.Arbitrary<unknown> {
  const record = fc.dictionary(
    fc.oneof(fc.constantFrom(...names), fc.constantFrom(...names.map((n) => n.toUpperCase())), fc.string({ maxLength: 12 })),
    fc.constant(null).chain(() => valueArb(Object.values(valid))),
    { maxKeys: 6 },
  );
  return fc.oneof(
    record,
    record.map((r) => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(r)) {
        try {
          headers.append(name, String(value));
        } catch {
          // Names and values Fetch itself refuses never reach a server.
        }
      }
      return headers;
    }),
    // Getters that return odd things or throw, as a hand-rolled adapter might.
    fc.func(valueArb(Object.values(valid))).map((get) => ({ get })),
    fc.constant({ get: () => { throw new TypeError('boom'); } }),
    record.map((r) => new Map(Object.entries(r))),
    fc.anything({ maxDepth: 1 }),
  );
}

/** Correctly signed bodies with one signature field changed: how a sender that signs body fields reaches its last checks. */
function bodyFieldExamples(sender: Sender, valid: SignedDelivery): DeliveryInput[] {
  if (sender.signature.kind !== 'body-field') return [];
  const path = sender.signature.path.split('.');
  const edited = (value: string) => {
    const envelope = JSON.parse(valid.body as string) as Record<string, Record<string, string>>;
    envelope[path[0]!]![path[1]!] = value;
    return { body: JSON.stringify(envelope), headers: valid.headers };
  };
  const signature = (JSON.parse(valid.body as string) as Record<string, Record<string, string>>)[path[0]!]![path[1]!]!;
  return [edited(`${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`), edited('not hex')];
}

const cases = [...senderCases, ...vendorSenders];

describe.each(cases)('$name: hostile input', ({ sender, ...rest }) => {
  const url = 'url' in rest ? rest.url : undefined;
  it(`ends every request in a refusal with a stable code (${NUM_RUNS} cases)`, async () => {
    const encoding = sender.algorithm.key.encoding;
    // A public-key sender signs with a private key and is verified with the public one.
    const keys = sender.algorithm.key.public ? await generateSigningKeys(sender) : undefined;
    const secret = keys?.publicKey ?? (encoding === 'hex' ? '0123456789ABCDEF0123456789ABCDEF' : encoding === 'whsec' ? 'whsec_c2VjcmV0' : 'secret');
    const now = Date.UTC(2026, 10, 23, 12);
    // An event type too, for a sender that reads it from a header (Shopify's topic).
    const valid = await signDelivery(sender, { secret: keys?.privateKey ?? secret, body: '{"timestamp":"2026-11-23T12:00:00Z"}', timestamp: now, eventType: 'test/event', backend, url });
    // A sender that signs the URL is pinned to the one signed (for Twilio's JSON, digest and all).
    const verifier = createVerifier(sender, { secret, backend, now: () => now, maxBodyBytes: MAX_BODY, url: valid.url });
    const names = Object.keys(valid.headers);
    const inputArb = fc.oneof(
      { weight: 8, arbitrary: fc.record({ body: bodyArb, headers: headersArb(names, valid.headers) }) },
      { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
    );
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(inputArb, async (input) => {
        const outcome = await verifier.safeVerify(input as DeliveryInput);
        seen.add(outcome.ok ? 'ok' : outcome.code);
        if (!outcome.ok) {
          expect(VERIFICATION_CODES).toContain(outcome.code);
          expect(outcome.message).toBeTypeOf('string');
        }
        try {
          await verifier.verify(input as DeliveryInput);
          expect(outcome.ok).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(WebhookVerificationError);
          expect((error as WebhookVerificationError).code).toBe(outcome.ok ? 'none' : outcome.code);
        }
        const signature = await verifier.verifySignature(input as DeliveryInput);
        if ('code' in signature) expect(VERIFICATION_CODES).toContain(signature.code);
      }),
      // Random headers rarely line up all three Standard Webhooks headers, so one fixed example
      // makes sure every run also reaches the signature check itself.
      // A sender whose signature is in the body (Mailgun) gets its own such examples.
      {
        numRuns: NUM_RUNS,
        examples: [[{ body: '{"tampered":true}', headers: valid.headers }], ...bodyFieldExamples(sender, valid).map((input) => [input] as [DeliveryInput])],
      },
    );
    // The generators reach every early exit, and past them to the signature check itself
    // (given enough cases: Stryker runs this suite at a few hundred). A sender that reads no
    // header cannot miss one.
    const all = ['missing_header', 'malformed_header', 'invalid_body', 'body_too_large', 'invalid_signature'] as const;
    const reachable = names.some((name) => name !== 'content-type') ? all : all.filter((code) => code !== 'missing_header');
    const expected = NUM_RUNS >= 1000 ? reachable : [];
    for (const code of expected) {
      expect(seen).toContain(code);
    }
  });
});
