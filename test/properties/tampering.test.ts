// Any single-byte change to what was signed, or to the signature itself, is refused with the
// code that names what is wrong: never accepted, never another exception.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SecretInput } from '../../src/core/secrets.js';
import { formatTimestamp, parseTimestamp, type TimestampFormat } from '../../src/core/timestamps.js';
import { createVerifier, type VerifyOutcome } from '../../src/core/verifier.js';
import { signDelivery } from '../../src/testing/index.js';
import { backend, inWindowOffsetArb, jsonTextArb, NUM_RUNS, nowArb, senderCases, TOLERANCE_MS } from './fixtures.js';

/** One edit of a text or byte string: replace, insert or delete a single unit. */
type Edit =
  | { readonly kind: 'replace'; readonly at: number; readonly value: number }
  | { readonly kind: 'insert'; readonly at: number; readonly value: number }
  | { readonly kind: 'delete'; readonly at: number };

const editArb = (maxValue: number): fc.Arbitrary<Edit> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: fc.integer({ min: 1, max: maxValue }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), value: fc.integer({ min: 0, max: maxValue }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  );

function editBytes(bytes: Uint8Array, edit: Edit): Uint8Array {
  const list = Array.from(bytes);
  if (edit.kind === 'insert') list.splice(edit.at % (list.length + 1), 0, edit.value);
  else if (list.length === 0) list.push(edit.kind === 'replace' ? edit.value : 0);
  else if (edit.kind === 'delete') list.splice(edit.at % list.length, 1);
  // XOR with a non-zero value always changes the byte.
  else list[edit.at % list.length] = list[edit.at % list.length]! ^ (edit.value & 0xff || 1);
  return Uint8Array.from(list);
}

/** Visible ASCII edit (no space: HTTP trims a value's edges) of a header value; a replacement always differs from the original. */
function editText(text: string, edit: Edit): string {
  const chars = [...text];
  const printable = (value: number) => String.fromCharCode(0x21 + (value % 94));
  if (edit.kind === 'insert') chars.splice(edit.at % (chars.length + 1), 0, printable(edit.value));
  else if (edit.kind === 'delete') chars.splice(edit.at % chars.length, 1);
  else {
    const at = edit.at % chars.length;
    let replacement = printable(edit.value);
    if (replacement === chars[at]) replacement = printable(edit.value + 1);
    chars[at] = replacement;
  }
  return chars.join('');
}

function refused(outcome: VerifyOutcome): string {
  expect(outcome.ok).toBe(false);
  return outcome.ok ? 'accepted' : outcome.code;
}

describe.each(senderCases)('$name: tampering', ({ sender, secret, bodyTimestamp }) => {
  const signatureHeader = sender.signature.header;

  async function signedAt(key: SecretInput, json: string, now: number, offset: number) {
    const text = bodyTimestamp ? `{"timestamp":"${formatTimestamp(now + offset, 'rfc3339')}","data":${json}}` : json;
    const signed = await signDelivery(sender, { secret: key, body: text, timestamp: now + offset, backend });
    const verifier = createVerifier(sender, { secret: key, backend, now: () => now, tolerance: TOLERANCE_MS / 1000 });
    return { signed, verifier, bytes: new TextEncoder().encode(text) };
  }

  it(`refuses a body with one byte changed, inserted or removed: invalid_signature (${NUM_RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(secret, jsonTextArb, nowArb, inWindowOffsetArb, editArb(255), async (key, json, now, offset, edit) => {
        const { signed, verifier, bytes } = await signedAt(key, json, now, offset);
        const body = editBytes(bytes, edit);
        expect(refused(await verifier.safeVerify({ body, headers: signed.headers }))).toBe('invalid_signature');
        await expect(verifier.verify({ body, headers: signed.headers })).rejects.toMatchObject({
          name: 'WebhookVerificationError',
          code: 'invalid_signature',
        });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it(`refuses a signature with one character changed, inserted or removed (${NUM_RUNS} cases)`, async () => {
    const hex = sender.signature.encoding.name === 'hex';
    await fc.assert(
      fc.asyncProperty(secret, jsonTextArb, nowArb, inWindowOffsetArb, editArb(94), async (key, json, now, offset, edit) => {
        const { signed, verifier } = await signedAt(key, json, now, offset);
        const original = signed.headers[signatureHeader]!;
        // Hex is read in either case: a case flip is the same signature, not a change.
        const caseFlip = hex && editText(original, edit).toLowerCase() === original.toLowerCase();
        const applied: Edit = caseFlip ? { kind: 'delete', at: edit.at } : edit;
        const value = editText(original, applied);
        const headers = { ...signed.headers, [signatureHeader]: value };
        const separator = sender.signature.separator;
        const entries = (text: string) => (separator === undefined ? [text.trim()] : text.split(separator).map((e) => e.trim()).filter(Boolean));
        if (entries(value).join('\n') === entries(original).join('\n')) {
          // An empty list entry (a stray separator) leaves the same signatures: still valid.
          expect((await verifier.safeVerify({ body: signed.body, headers })).ok).toBe(true);
          return;
        }
        const code = refused(await verifier.safeVerify({ body: signed.body, headers }));
        expect(['malformed_header', 'invalid_signature']).toContain(code);
        // Same length, a valid digit of the encoding in place of another: well-formed but wrong.
        const digits = hex ? /^[0-9a-fA-F]$/ : /^[A-Za-z0-9+/]$/;
        const at = edit.at % original.length;
        const prefix = sender.signature.prefix?.length ?? 0;
        const lastData = hex ? original.length - 1 : original.length - 3; // base64: the last digit before "=" has pad bits
        if (applied.kind === 'replace' && at >= prefix && at < lastData && digits.test(value[at]!) && digits.test(original[at]!)) {
          expect(code).toBe('invalid_signature');
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

});

// EdgeSense signs no timestamp header: its envelope time is part of the body, covered above.
const headerTimestampCases = senderCases.filter(({ sender }) => sender.timestamp?.source.kind === 'header');

describe.each(headerTimestampCases)('$name: tampering with the timestamp header', ({ sender, secret }) => {
  const tsHeader = { header: (sender.timestamp!.source as { name: string }).name, format: sender.timestamp!.format as TimestampFormat };

  it(
    `refuses a timestamp with one character changed, inserted or removed, with the code for what it now says (${NUM_RUNS} cases)`,
    async () => {
      const { header, format } = tsHeader;
      await fc.assert(
        fc.asyncProperty(secret, jsonTextArb, nowArb, inWindowOffsetArb, editArb(94), async (key, json, now, offset, edit) => {
          const signed = await signDelivery(sender, { secret: key, body: json, timestamp: now + offset, backend });
          const verifier = createVerifier(sender, { secret: key, backend, now: () => now, tolerance: TOLERANCE_MS / 1000 });
          const value = editText(signed.headers[header]!, edit);
          const code = refused(await verifier.safeVerify({ body: signed.body, headers: { ...signed.headers, [header]: value } }));
          const trimmed = value.trim();
          const ms = parseTimestamp(trimmed, format);
          // What the edited header now claims decides the code; a claim that still lies inside
          // the window no longer matches what was signed.
          const expected =
            trimmed.length === 0
              ? 'missing_header'
              : ms === undefined
                ? 'malformed_header'
                : ms < now - TOLERANCE_MS
                  ? 'timestamp_too_old'
                  : ms > now + TOLERANCE_MS
                    ? 'timestamp_in_future'
                    : 'invalid_signature';
          expect(code).toBe(expected);
        }),
        { numRuns: NUM_RUNS },
      );
    },
  );
});
