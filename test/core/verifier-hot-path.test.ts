// Guards for the shortcuts the verifier takes for speed: signatures decoded into buffers the
// verifier reuses, neighbouring signed text joined into one part, and the RFC 3339 parser that
// reads by position. Each shortcut must be invisible in results.
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineSender } from '../../src/core/sender.js';
import { parseRfc3339 } from '../../src/core/timestamps.js';
import { createVerifier } from '../../src/core/verifier.js';
import { nodeCryptoBackend } from '../../src/crypto/node.js';
import { webCryptoBackend } from '../../src/crypto/web.js';

const SECRET = 'B284A51B143841695B2D7BF3B8554731';
const OTHER_SECRET = '00112233445566778899AABBCCDDEEFF';

function peridioHeaders(body: string, secrets: readonly string[], publishedAt = new Date().toISOString()) {
  const signature = secrets
    .map((secret) =>
      createHmac('sha256', Buffer.from(secret, 'hex')).update(publishedAt).update(body).digest('hex').toUpperCase(),
    )
    .join(',');
  return { 'peridio-published-at': publishedAt, 'peridio-signature': signature };
}

const peridioLike = defineSender({
  name: 'peridio-like',
  signature: { header: 'x-signature', encoding: 'hex', separator: ',' },
  signedContent: '{x-published-at}{body}',
  secretEncoding: 'hex',
  timestamp: { header: 'x-published-at', format: 'rfc3339' },
});

describe('signatures decoded into reused buffers', () => {
  for (const backend of [nodeCryptoBackend()!, webCryptoBackend()]) {
    it(`keeps concurrent verifications apart on the ${backend.name} backend`, async () => {
      const verifier = createVerifier(peridioLike, { secrets: [OTHER_SECRET, SECRET], backend });
      const bodies = Array.from({ length: 24 }, (_, i) => JSON.stringify({ n: i, pad: 'x'.repeat(i * 37) }));
      // Started together, so each decode happens while earlier ones still wait for their HMAC.
      const results = await Promise.all(
        bodies.map((body, i) => {
          const headers = peridioHeaders(body, [SECRET]);
          const sent = i % 3 === 2 ? `${body} ` : body;
          return verifier.safeVerify({
            body: sent,
            headers: { 'x-published-at': headers['peridio-published-at'], 'x-signature': headers['peridio-signature'] },
          });
        }),
      );
      results.forEach((result, i) => {
        if (i % 3 === 2) expect(result).toMatchObject({ ok: false, code: 'invalid_signature' });
        else expect(result).toMatchObject({ ok: true, delivery: { payload: { n: i }, matchedSecret: { index: 1 } } });
      });
    });
  }

  it('does not let a signature of one request satisfy the next', async () => {
    const verifier = createVerifier(peridioLike, { secret: SECRET, backend: nodeCryptoBackend()! });
    const good = peridioHeaders('{"a":1}', [SECRET]);
    const headers = { 'x-published-at': good['peridio-published-at'], 'x-signature': good['peridio-signature'] };
    expect((await verifier.safeVerify({ body: '{"a":1}', headers })).ok).toBe(true);
    const forged = { ...headers, 'x-signature': '00'.repeat(32) };
    expect(await verifier.safeVerify({ body: '{"a":1}', headers: forged })).toMatchObject({ code: 'invalid_signature' });
  });
});

describe('signed text joined into one part', () => {
  const twoHeaders = defineSender({
    name: 'two-headers',
    signature: { header: 'x-signature', encoding: 'hex' },
    signedContent: '{x-a}{x-b}.{body}',
    secretEncoding: 'utf8',
  });

  function sign(parts: readonly string[]): string {
    const mac = createHmac('sha256', 'secret');
    for (const part of parts) mac.update(part);
    return mac.digest('hex');
  }

  it('hashes a lone high surrogate followed by a lone low one as two parts, as a signer does', async () => {
    const verifier = createVerifier(twoHeaders, { secret: 'secret', unsafeDisableReplayCheck: true });
    const a = 'left\ud83d';
    const b = '\ude00right';
    // node:crypto encodes each part on its own: two U+FFFD, not one U+1F600.
    const separately = sign([a, b, '.', '{}']);
    expect(separately).not.toBe(sign([a + b, '.', '{}']));
    const result = await verifier.safeVerify({ body: '{}', headers: { 'x-a': a, 'x-b': b, 'x-signature': separately } });
    expect(result.ok).toBe(true);
    const joined = await verifier.safeVerify({
      body: '{}',
      headers: { 'x-a': a, 'x-b': b, 'x-signature': sign([a + b, '.', '{}']) },
    });
    expect(joined).toMatchObject({ ok: false, code: 'invalid_signature' });
  });

  it('signs ordinary neighbouring headers and literals exactly once each', async () => {
    const verifier = createVerifier(twoHeaders, { secret: 'secret', unsafeDisableReplayCheck: true });
    const headers = { 'x-a': 'msg_1', 'x-b': '1700000000', 'x-signature': sign(['msg_1', '1700000000', '.', '{"b":2}']) };
    expect(await verifier.safeVerify({ body: '{"b":2}', headers })).toMatchObject({ ok: true });
    const swapped = { ...headers, 'x-a': '1700000000', 'x-b': 'msg_1' };
    expect(await verifier.safeVerify({ body: '{"b":2}', headers: swapped })).toMatchObject({ code: 'invalid_signature' });
  });
});

describe('parseRfc3339 reads by position', () => {
  // The grammar as a regular expression: the specification the positional parser must match.
  const GRAMMAR =
    /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;
  const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  function reference(text: string): number | undefined {
    const m = GRAMMAR.exec(text);
    if (!m) return undefined;
    const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
    const leapYear = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    if (month < 1 || month > 12 || day < 1 || day > DAYS[month - 1]! || (month === 2 && day === 29 && !leapYear)) {
      return undefined;
    }
    if (hour > 23 || minute > 59 || second > 60) return undefined;
    let offset = 0;
    if (!m[8]) {
      const oh = Number(m[10]);
      const om = Number(m[11]);
      if (oh > 23 || om > 59) return undefined;
      offset = (oh * 60 + om) * (m[9] === '-' ? -1 : 1);
    }
    const fraction = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
    let utc = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59));
    // An RFC 3339 year is the year itself; Date.UTC alone reads 0-99 as 1900-1999.
    if (year < 100) utc = new Date(utc).setUTCFullYear(year);
    return utc + Math.max(fraction, second === 60 ? 999 : 0) - offset * 60_000;
  }

  const digit = fc.constantFrom(...'0123456789');
  const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
  const plausible = fc
    .tuple(
      digits(4),
      fc.constantFrom('-', '/'),
      fc.constantFrom('01', '02', '09', '12', '13', '00'),
      fc.constantFrom('-'),
      fc.constantFrom('01', '28', '29', '30', '31', '32', '00'),
      fc.constantFrom('T', 't', ' ', '_'),
      fc.constantFrom('00', '23', '24', '12'),
      fc.constantFrom(':', '.'),
      fc.constantFrom('00', '59', '60'),
      fc.constantFrom(':'),
      fc.constantFrom('00', '59', '60', '61'),
      fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 11 }).chain((n) => digits(n).map((d) => `.${d}`))),
      fc.oneof(
        fc.constantFrom('Z', 'z', '', 'ZZ', '+', 'x'),
        fc.tuple(fc.constantFrom('+', '-'), fc.constantFrom('00', '05', '23', '24'), fc.constantFrom(':', ''), fc.constantFrom('00', '30', '59', '60')).map((p) => p.join('')),
      ),
    )
    .map((p) => p.join(''));

  it('agrees with the grammar on plausible and mangled date-times', () => {
    fc.assert(
      fc.property(fc.oneof(plausible, fc.string({ maxLength: 40 }), plausible.map((s) => s.slice(0, -1))), (text) => {
        expect(parseRfc3339(text)).toBe(reference(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('reads the forms senders use', () => {
    expect(parseRfc3339('2026-11-23T12:05:47Z')).toBe(Date.parse('2026-11-23T12:05:47Z'));
    expect(parseRfc3339('2026-11-23T12:05:47.123456789+01:30')).toBe(Date.parse('2026-11-23T10:35:47.123Z') + 0.456789);
    expect(parseRfc3339('2016-12-31T23:59:60Z')).toBe(Date.parse('2016-12-31T23:59:59.999Z'));
    expect(parseRfc3339('2026-11-23T12:05:47.1234567890Z')).toBeUndefined();
    expect(parseRfc3339('２026-11-23T12:05:47Z')).toBeUndefined();
  });
});
