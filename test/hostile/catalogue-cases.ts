// The bad inputs a reviewer tries first, each with the code it must end in. Signatures are
// computed here with node:crypto directly, not with the library, so the table is an
// independent statement of what each sender signs. catalogue.test.ts runs the table on Node
// with both backends; test/runtimes runs it again on every runtime hookverify claims.
import { createHmac } from 'node:crypto';
import type { VerificationErrorCode } from '../../src/core/errors.js';
import type { HeadersInput } from '../../src/core/headers.js';
import type { VerifierOptions } from '../../src/core/verifier.js';

export const NOW = Date.parse('2026-11-23T12:00:00Z');
export const PERIDIO_SECRET = 'B284A51B143841695B2D7BF3B8554731';
export const PERIDIO_OLD_SECRET = '00112233445566778899AABBCCDDEEFF';
export const SW_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
export const EDGESENSE_SECRET = 'edgesense shared secret';
export const BODY = '{ "version": 1, "prn": "prn:1:4e33149b-637d-4679-b64f-4905e7a0cf8c:event:0b2e4f3c-8a1d-4c5e-9f6a-7b8c9d0e1f2a", "type": "webhook", "data": {"type":"test_fire","data":{}} }';

function hmac(key: Buffer | string, ...parts: (string | Uint8Array)[]): Buffer {
  const mac = createHmac('sha256', key);
  for (const part of parts) mac.update(part);
  return mac.digest();
}
const peridioSig = (publishedAt: string, body: string | Uint8Array = BODY, secret = PERIDIO_SECRET) =>
  hmac(Buffer.from(secret, 'hex'), publishedAt, body).toString('hex').toUpperCase();
const swKey = Buffer.from(SW_SECRET.slice(6), 'base64');
const swSig = (id: string, ts: string, body: string = BODY) => `v1,${hmac(swKey, `${id}.${ts}.`, body).toString('base64')}`;
const edgeSig = (body: string | Uint8Array) => hmac(EDGESENSE_SECRET, body).toString('hex');

const PUBLISHED = '2026-11-23T11:59:30Z';
const GOOD_SIG = peridioSig(PUBLISHED);
const peridioHeaders = (overrides: Record<string, unknown> = {}): HeadersInput =>
  ({ 'peridio-published-at': PUBLISHED, 'peridio-signature': GOOD_SIG, ...overrides }) as HeadersInput;
/** Peridio headers signed over another published-at value, sent as is. */
const peridioAt = (publishedAt: string) => peridioHeaders({ 'peridio-published-at': publishedAt, 'peridio-signature': peridioSig(publishedAt) });

const SW_TS = String(NOW / 1000 - 10);
const swHeaders = (overrides: Record<string, unknown> = {}): HeadersInput =>
  ({ 'webhook-id': 'msg_1', 'webhook-timestamp': SW_TS, 'webhook-signature': swSig('msg_1', SW_TS), ...overrides }) as HeadersInput;
const swAt = (ts: string) => swHeaders({ 'webhook-timestamp': ts, 'webhook-signature': swSig('msg_1', ts) });

const edgeBody = (timestamp: unknown) => JSON.stringify({ event: 'device.data', timestamp, data: { t: 21.5 } });
const edgeHeaders = (body: string | Uint8Array) => ({ 'x-edgesense-signature': edgeSig(body) });

export type Expected = VerificationErrorCode | 'ok';
export interface Case {
  readonly name: string;
  readonly sender: 'peridio' | 'standard-webhooks' | 'edgesense';
  readonly body: unknown;
  readonly headers: unknown;
  readonly expected: Expected;
  readonly options?: Partial<VerifierOptions>;
}

const repeat = (sig: string, n: number, separator: string) => Array.from({ length: n }, () => sig).join(separator);
const hex64 = (c: string) => c.repeat(64);

export const cases: Case[] = [
  // Baselines: the rows below differ from these in one respect each.
  { name: 'a correct Peridio delivery', sender: 'peridio', body: BODY, headers: peridioHeaders(), expected: 'ok' },
  { name: 'a correct Standard Webhooks delivery', sender: 'standard-webhooks', body: BODY, headers: swHeaders(), expected: 'ok' },
  { name: 'a correct EdgeSense delivery', sender: 'edgesense', body: edgeBody('2026-11-23T11:59:00Z'), headers: edgeHeaders(edgeBody('2026-11-23T11:59:00Z')), expected: 'ok' },

  // Headers: absent, duplicated, oversized, of the wrong type.
  { name: 'no headers at all', sender: 'peridio', body: BODY, headers: {}, expected: 'missing_header' },
  { name: 'headers is null', sender: 'peridio', body: BODY, headers: null, expected: 'missing_header' },
  { name: 'an empty signature header', sender: 'peridio', body: BODY, headers: peridioHeaders({ 'peridio-signature': '' }), expected: 'missing_header' },
  { name: 'a whitespace-only signature header', sender: 'peridio', body: BODY, headers: peridioHeaders({ 'peridio-signature': ' \t ' }), expected: 'missing_header' },
  { name: 'the signature header twice with different values', sender: 'peridio', body: BODY, headers: peridioHeaders({ 'peridio-signature': [GOOD_SIG, hex64('A')] }), expected: 'malformed_header' },
  { name: 'the signature header twice with the same value', sender: 'peridio', body: BODY, headers: peridioHeaders({ 'peridio-signature': [GOOD_SIG, GOOD_SIG] }), expected: 'malformed_header' },
  { name: 'the timestamp header twice with the same value', sender: 'peridio', body: BODY, headers: peridioHeaders({ 'peridio-published-at': [PUBLISHED, PUBLISHED] }), expected: 'malformed_header' },
  { name: 'the id header twice with the same value', sender: 'standard-webhooks', body: BODY, headers: swHeaders({ 'webhook-id': ['msg_1', 'msg_1'] }), expected: 'malformed_header' },
  { name: 'the id header twice with different values', sender: 'standard-webhooks', body: BODY, headers: swHeaders({ 'webhook-id': ['msg_1', 'msg_2'] }), expected: 'malformed_header' },
  { name: 'the timestamp header twice with different values', sender: 'peridio', body: BODY, headers: peridioHeaders({ 'peridio-published-at': [PUBLISHED, '2026-11-23T11:59:31Z'] }), expected: 'malformed_header' },
  { name: 'an empty array as a header value', sender: 'peridio', body: BODY, headers: peridioHeaders({ 'peridio-signature': [] }), expected: 'missing_header' },
  {
    name: 'the signature header under two casings, neither lower-case',
    sender: 'peridio',
    body: BODY,
    headers: { 'peridio-published-at': PUBLISHED, 'Peridio-Signature': GOOD_SIG, 'PERIDIO-SIGNATURE': hex64('B') },
    expected: 'malformed_header',
  },
  { name: 'the header names in upper case', sender: 'peridio', body: BODY, headers: { 'PERIDIO-PUBLISHED-AT': PUBLISHED, 'PERIDIO-SIGNATURE': GOOD_SIG }, expected: 'ok' },
  { name: 'a header record without a prototype', sender: 'peridio', body: BODY, headers: Object.assign(Object.create(null), peridioHeaders()), expected: 'ok' },
  { name: 'a Fetch Headers object', sender: 'peridio', body: BODY, headers: new Headers(peridioHeaders() as Record<string, string>), expected: 'ok' },
  {
    name: 'a Fetch Headers object with the timestamp appended twice (joined with ", ")',
    sender: 'standard-webhooks',
    body: BODY,
    headers: (() => {
      const headers = new Headers(swHeaders() as Record<string, string>);
      headers.append('webhook-timestamp', SW_TS);
      return headers;
    })(),
    expected: 'malformed_header',
  },
  { name: 'a headers getter that throws', sender: 'peridio', body: BODY, headers: { get: () => { throw new Error('boom'); } }, expected: 'malformed_header' },
  { name: 'a headers getter that returns a number', sender: 'peridio', body: BODY, headers: { get: () => 42 }, expected: 'malformed_header' },
  { name: 'a 64 KiB signature header', sender: 'peridio', body: BODY, headers: peridioHeaders({ 'peridio-signature': `${GOOD_SIG},${'A'.repeat(64 * 1024)}` }), expected: 'malformed_header' },
  { name: 'a 64 KiB timestamp header', sender: 'peridio', body: BODY, headers: peridioHeaders({ 'peridio-published-at': ' '.repeat(64 * 1024) + PUBLISHED }), expected: 'malformed_header' },
  { name: 'a signature header with CR LF inside', sender: 'peridio', body: BODY, headers: peridioHeaders({ 'peridio-signature': `${GOOD_SIG}\r\nx-injected: 1` }), expected: 'malformed_header' },
  { name: 'a signature header with a NUL byte', sender: 'peridio', body: BODY, headers: peridioHeaders({ 'peridio-signature': `${GOOD_SIG.slice(0, 10)}\0${GOOD_SIG.slice(11)}` }), expected: 'malformed_header' },

  // Signature lists and encodings.
  { name: 'a signature list of 1,000 entries', sender: 'peridio', body: BODY, headers: peridioHeaders({ 'peridio-signature': repeat(GOOD_SIG, 1000, ',') }), expected: 'malformed_header' },
  { name: 'a signature list of 17 entries (under 8 KiB)', sender: 'peridio', body: BODY, headers: peridioHeaders({ 'peridio-signature': repeat(GOOD_SIG, 17, ',') }), expected: 'malformed_header' },
  { name: 'a signature list of 1,000 Standard Webhooks entries', sender: 'standard-webhooks', body: BODY, headers: swHeaders({ 'webhook-signature': repeat(swSig('msg_1', SW_TS), 1000, ' ') }), expected: 'malformed_header' },
  { name: 'the right signature among 16 (the most accepted)', sender: 'peridio', body: BODY, headers: peridioHeaders({ 'peridio-signature': [...Array.from({ length: 15 }, () => hex64('0')), GOOD_SIG].join(',') }), expected: 'ok' },
  { name: 'two signatures during a secret roll, spaces around the comma', sender: 'peridio', body: BODY, headers: peridioHeaders({ 'peridio-signature': `${peridioSig(PUBLISHED, BODY, PERIDIO_OLD_SECRET)} , ${GOOD_SIG}` }), expected: 'ok' },
  { name: 'a stray comma only', sender: 'peridio', body: BODY, headers: peridioHeaders({ 'peridio-signature': ',' }), expected: 'malformed_header' },
  { name: 'the signature in lower-case hex', sender: 'peridio', body: BODY, headers: peridioHeaders({ 'peridio-signature': GOOD_SIG.toLowerCase() }), expected: 'ok' },
  { name: 'non-hex characters', sender: 'peridio', body: BODY, headers: peridioHeaders({ 'peridio-signature': hex64('Z') }), expected: 'malformed_header' },
  { name: 'hex with U+0080 in place of a digit', sender: 'peridio', body: BODY, headers: peridioHeaders({ 'peridio-signature': `\u0080${GOOD_SIG.slice(1)}` }), expected: 'malformed_header' },
  { name: 'hex with the pair U+0080 U+0000', sender: 'peridio', body: BODY, headers: peridioHeaders({ 'peridio-signature': `\u0080\u0000${GOOD_SIG.slice(2)}` }), expected: 'malformed_header' },
  { name: 'base64 with U+0080 in place of a digit', sender: 'standard-webhooks', body: BODY, headers: swHeaders({ 'webhook-signature': `v1,\u0080${swSig('msg_1', SW_TS).slice(4)}` }), expected: 'malformed_header' },
  { name: 'odd-length hex (63 digits)', sender: 'peridio', body: BODY, headers: peridioHeaders({ 'peridio-signature': GOOD_SIG.slice(0, 63) }), expected: 'malformed_header' },
  { name: 'hex of a 31-byte digest', sender: 'peridio', body: BODY, headers: peridioHeaders({ 'peridio-signature': GOOD_SIG.slice(0, 62) }), expected: 'malformed_header' },
  { name: 'hex of a 33-byte digest (the right one, plus a byte)', sender: 'peridio', body: BODY, headers: peridioHeaders({ 'peridio-signature': `${GOOD_SIG}00` }), expected: 'malformed_header' },
  { name: 'the first half of the right signature', sender: 'peridio', body: BODY, headers: peridioHeaders({ 'peridio-signature': GOOD_SIG.slice(0, 32) }), expected: 'malformed_header' },
  { name: 'a well-formed wrong signature', sender: 'peridio', body: BODY, headers: peridioHeaders({ 'peridio-signature': hex64('0') }), expected: 'invalid_signature' },
  { name: 'a "0x" prefix on the hex', sender: 'peridio', body: BODY, headers: peridioHeaders({ 'peridio-signature': `0x${GOOD_SIG}` }), expected: 'malformed_header' },
  { name: 'a Standard Webhooks signature in a Peridio header', sender: 'peridio', body: BODY, headers: peridioHeaders({ 'peridio-signature': `v1,${Buffer.from(GOOD_SIG, 'hex').toString('base64')}` }), expected: 'malformed_header' },
  { name: 'a Peridio (hex) signature in a Standard Webhooks header', sender: 'standard-webhooks', body: BODY, headers: swHeaders({ 'webhook-signature': hmac(swKey, `msg_1.${SW_TS}.`, BODY).toString('hex') }), expected: 'malformed_header' },
  { name: 'hex behind a "v1," prefix', sender: 'standard-webhooks', body: BODY, headers: swHeaders({ 'webhook-signature': `v1,${hmac(swKey, `msg_1.${SW_TS}.`, BODY).toString('hex')}` }), expected: 'malformed_header' },
  { name: 'only "v1a," (asymmetric) entries', sender: 'standard-webhooks', body: BODY, headers: swHeaders({ 'webhook-signature': `v1a,${'A'.repeat(86)}==` }), expected: 'malformed_header' },
  { name: 'a "v1a," entry beside the right "v1," one', sender: 'standard-webhooks', body: BODY, headers: swHeaders({ 'webhook-signature': `v1a,${'A'.repeat(86)}== ${swSig('msg_1', SW_TS)}` }), expected: 'ok' },
  { name: 'an undecodable "v1,potato" beside the right entry', sender: 'standard-webhooks', body: BODY, headers: swHeaders({ 'webhook-signature': `${swSig('msg_1', SW_TS)} v1,potato` }), expected: 'ok' },
  { name: 'an undecodable "v1,potato" before the right entry', sender: 'standard-webhooks', body: BODY, headers: swHeaders({ 'webhook-signature': `v1,potato ${swSig('msg_1', SW_TS)}` }), expected: 'ok' },
  { name: 'only an undecodable "v1,potato"', sender: 'standard-webhooks', body: BODY, headers: swHeaders({ 'webhook-signature': 'v1,potato' }), expected: 'malformed_header' },
  { name: 'a non-hex entry beside the right Peridio signature', sender: 'peridio', body: BODY, headers: peridioHeaders({ 'peridio-signature': `${GOOD_SIG},potato` }), expected: 'ok' },
  { name: 'a 31-byte entry beside a wrong one', sender: 'peridio', body: BODY, headers: peridioHeaders({ 'peridio-signature': `${GOOD_SIG.slice(0, 62)},${hex64('0')}` }), expected: 'invalid_signature' },
  { name: 'unpadded base64', sender: 'standard-webhooks', body: BODY, headers: swHeaders({ 'webhook-signature': swSig('msg_1', SW_TS).replace(/=+$/, '') }), expected: 'malformed_header' },
  { name: 'base64url instead of base64', sender: 'standard-webhooks', body: BODY, headers: swHeaders({ 'webhook-signature': `v1,${hmac(swKey, `msg_1.${SW_TS}.`, BODY).toString('base64url')}=` }), expected: hmac(swKey, `msg_1.${SW_TS}.`, BODY).toString('base64').match(/[+/]/) ? 'malformed_header' : 'ok' },
  {
    name: 'base64 with non-zero pad bits (another text for the same digest)',
    sender: 'standard-webhooks',
    body: BODY,
    headers: swHeaders({ 'webhook-signature': (() => {
      const sig = swSig('msg_1', SW_TS);
      const last = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.indexOf(sig.at(-2)!);
      return `${sig.slice(0, -2)}${'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'[last ^ 1]}=`;
    })() }),
    expected: 'malformed_header',
  },

  // Timestamps.
  { name: 'a timestamp header given as a number', sender: 'standard-webhooks', body: BODY, headers: swHeaders({ 'webhook-timestamp': Number(SW_TS) }), expected: 'malformed_header' },
  { name: 'a Peridio timestamp given as a Date object', sender: 'peridio', body: BODY, headers: peridioHeaders({ 'peridio-published-at': new Date(PUBLISHED) }), expected: 'malformed_header' },
  { name: 'a timestamp of "NaN"', sender: 'standard-webhooks', body: BODY, headers: swAt('NaN'), expected: 'malformed_header' },
  { name: 'a Peridio timestamp of "NaN"', sender: 'peridio', body: BODY, headers: peridioAt('NaN'), expected: 'malformed_header' },
  { name: 'a timestamp of "Infinity"', sender: 'standard-webhooks', body: BODY, headers: swAt('Infinity'), expected: 'malformed_header' },
  { name: 'a negative Unix timestamp', sender: 'standard-webhooks', body: BODY, headers: swAt('-1'), expected: 'malformed_header' },
  { name: 'a Unix timestamp in exponent form', sender: 'standard-webhooks', body: BODY, headers: swAt('1.7e9'), expected: 'malformed_header' },
  { name: 'a Unix timestamp in milliseconds', sender: 'standard-webhooks', body: BODY, headers: swAt(String(NOW)), expected: 'timestamp_in_future' },
  { name: 'a Unix timestamp of 0', sender: 'standard-webhooks', body: BODY, headers: swAt('0'), expected: 'timestamp_too_old' },
  { name: 'a 16-digit Unix timestamp', sender: 'standard-webhooks', body: BODY, headers: swAt('1'.repeat(16)), expected: 'malformed_header' },
  { name: 'a Unix timestamp in full-width digits', sender: 'standard-webhooks', body: BODY, headers: swAt('\uff11\uff17\uff10\uff10\uff10\uff10\uff10\uff10\uff10\uff10'), expected: 'malformed_header' },
  { name: 'a far-future date (year 9999)', sender: 'peridio', body: BODY, headers: peridioAt('9999-12-31T23:59:59Z'), expected: 'timestamp_in_future' },
  { name: 'a far-past date (year 0000)', sender: 'peridio', body: BODY, headers: peridioAt('0000-01-01T00:00:00Z'), expected: 'timestamp_too_old' },
  { name: 'a leap second (23:59:60Z is valid RFC 3339)', sender: 'peridio', body: BODY, headers: peridioAt('2026-11-23T11:59:60Z'), expected: 'ok' },
  { name: 'second 61', sender: 'peridio', body: BODY, headers: peridioAt('2026-11-23T11:59:61Z'), expected: 'malformed_header' },
  { name: 'February 30th', sender: 'peridio', body: BODY, headers: peridioAt('2026-02-30T12:00:00Z'), expected: 'malformed_header' },
  { name: 'February 29th of a non-leap year', sender: 'peridio', body: BODY, headers: peridioAt('2026-02-29T12:00:00Z'), expected: 'malformed_header' },
  { name: 'hour 24', sender: 'peridio', body: BODY, headers: peridioAt('2026-11-23T24:00:00Z'), expected: 'malformed_header' },
  { name: 'a date without a time zone', sender: 'peridio', body: BODY, headers: peridioAt('2026-11-23T11:59:30'), expected: 'malformed_header' },
  { name: 'a date only', sender: 'peridio', body: BODY, headers: peridioAt('2026-11-23'), expected: 'malformed_header' },
  { name: 'an HTTP date instead of RFC 3339', sender: 'peridio', body: BODY, headers: peridioAt('Mon, 23 Nov 2026 11:59:30 GMT'), expected: 'malformed_header' },
  { name: 'an offset of +01:00 naming the same instant', sender: 'peridio', body: BODY, headers: peridioAt('2026-11-23T12:59:30+01:00'), expected: 'ok' },
  { name: 'an offset of +24:00', sender: 'peridio', body: BODY, headers: peridioAt('2026-11-23T11:59:30+24:00'), expected: 'malformed_header' },
  { name: 'lower-case "t" and "z"', sender: 'peridio', body: BODY, headers: peridioAt('2026-11-23t11:59:30z'), expected: 'ok' },
  { name: 'nanosecond precision', sender: 'peridio', body: BODY, headers: peridioAt('2026-11-23T11:59:30.123456789Z'), expected: 'ok' },
  { name: 'ten fractional digits', sender: 'peridio', body: BODY, headers: peridioAt('2026-11-23T11:59:30.1234567890Z'), expected: 'malformed_header' },
  { name: 'an extended year (+002026)', sender: 'peridio', body: BODY, headers: peridioAt('+002026-11-23T11:59:30Z'), expected: 'malformed_header' },
  { name: 'exactly 5 minutes old (the edge is inclusive)', sender: 'peridio', body: BODY, headers: peridioAt('2026-11-23T11:55:00Z'), expected: 'ok' },
  { name: '5 minutes and 1 ms old', sender: 'peridio', body: BODY, headers: peridioAt('2026-11-23T11:54:59.999Z'), expected: 'timestamp_too_old' },
  { name: 'a valid signature over a replayed, stale timestamp', sender: 'peridio', body: BODY, headers: peridioAt('2026-11-22T12:00:00Z'), expected: 'timestamp_too_old' },
  { name: 'a fresh timestamp swapped in under an old signature', sender: 'peridio', body: BODY, headers: peridioHeaders({ 'peridio-signature': peridioSig('2026-11-22T12:00:00Z') }), expected: 'invalid_signature' },
  { name: 'EdgeSense: no timestamp in the body', sender: 'edgesense', body: edgeBody(undefined), headers: edgeHeaders(edgeBody(undefined)), expected: 'invalid_body' },
  { name: 'EdgeSense: the body timestamp as a number', sender: 'edgesense', body: edgeBody(NOW / 1000), headers: edgeHeaders(edgeBody(NOW / 1000)), expected: 'invalid_body' },
  { name: 'EdgeSense: a far-future body timestamp', sender: 'edgesense', body: edgeBody('9999-01-01T00:00:00Z'), headers: edgeHeaders(edgeBody('9999-01-01T00:00:00Z')), expected: 'timestamp_in_future' },
  { name: 'EdgeSense: a stale body timestamp', sender: 'edgesense', body: edgeBody('2026-11-22T00:00:00Z'), headers: edgeHeaders(edgeBody('2026-11-22T00:00:00Z')), expected: 'timestamp_too_old' },
  { name: 'EdgeSense: a body that is a JSON array', sender: 'edgesense', body: '[1,2]', headers: edgeHeaders('[1,2]'), expected: 'invalid_body' },

  // Bodies.
  { name: 'a body already parsed to an object', sender: 'peridio', body: JSON.parse(BODY), headers: peridioHeaders(), expected: 'invalid_body' },
  { name: 'a parsed body re-serialized with JSON.stringify', sender: 'peridio', body: JSON.stringify(JSON.parse(BODY)), headers: peridioHeaders(), expected: 'invalid_signature' },
  { name: 'a body of null', sender: 'peridio', body: null, headers: peridioHeaders(), expected: 'invalid_body' },
  { name: 'a body of undefined', sender: 'peridio', body: undefined, headers: peridioHeaders(), expected: 'invalid_body' },
  { name: 'a body that is a number', sender: 'peridio', body: 42, headers: peridioHeaders(), expected: 'invalid_body' },
  { name: 'a body that is a DataView', sender: 'peridio', body: new DataView(new ArrayBuffer(4)), headers: peridioHeaders(), expected: 'invalid_body' },
  { name: 'a body that is a Uint16Array', sender: 'peridio', body: new Uint16Array(4), headers: peridioHeaders(), expected: 'invalid_body' },
  { name: 'a body given as a Buffer', sender: 'peridio', body: Buffer.from(BODY), headers: peridioHeaders(), expected: 'ok' },
  { name: 'a body given as an ArrayBuffer', sender: 'peridio', body: new TextEncoder().encode(BODY).buffer, headers: peridioHeaders(), expected: 'ok' },
  { name: 'a body given as a subarray of a larger buffer', sender: 'peridio', body: Buffer.from(`xx${BODY}yy`).subarray(2, 2 + Buffer.byteLength(BODY)), headers: peridioHeaders(), expected: 'ok' },
  { name: 'an empty body, correctly signed', sender: 'peridio', body: '', headers: peridioHeaders({ 'peridio-signature': peridioSig(PUBLISHED, '') }), expected: 'invalid_body' },
  { name: 'a correctly signed body that is not UTF-8', sender: 'peridio', body: Uint8Array.of(0x7b, 0xff, 0x7d), headers: peridioHeaders({ 'peridio-signature': peridioSig(PUBLISHED, Uint8Array.of(0x7b, 0xff, 0x7d)) }), expected: 'invalid_body' },
  { name: 'a correctly signed body that is not JSON', sender: 'peridio', body: 'hello', headers: peridioHeaders({ 'peridio-signature': peridioSig(PUBLISHED, 'hello') }), expected: 'invalid_body' },
  { name: 'a correctly signed body with a UTF-8 BOM', sender: 'peridio', body: `\ufeff${BODY}`, headers: peridioHeaders({ 'peridio-signature': peridioSig(PUBLISHED, `\ufeff${BODY}`) }), expected: 'invalid_body' },
  { name: 'a correctly signed JSON null', sender: 'peridio', body: 'null', headers: peridioHeaders({ 'peridio-signature': peridioSig(PUBLISHED, 'null') }), expected: 'ok' },
  { name: 'a correctly signed body with a __proto__ key', sender: 'peridio', body: '{"__proto__":{"admin":true}}', headers: peridioHeaders({ 'peridio-signature': peridioSig(PUBLISHED, '{"__proto__":{"admin":true}}') }), expected: 'ok' },
  { name: 'a body one byte over maxBodyBytes', sender: 'peridio', body: 'x'.repeat(1025), headers: peridioHeaders(), expected: 'body_too_large', options: { maxBodyBytes: 1024 } },
  { name: 'a string body over the limit only in UTF-8 bytes', sender: 'peridio', body: '\u20ac'.repeat(342), headers: peridioHeaders(), expected: 'body_too_large', options: { maxBodyBytes: 1024 } },
  { name: 'a 2 MiB body with the default limit', sender: 'peridio', body: new Uint8Array(2 * 1024 * 1024), headers: peridioHeaders(), expected: 'body_too_large' },
  { name: 'the body signed for another delivery id', sender: 'standard-webhooks', body: BODY, headers: swHeaders({ 'webhook-id': 'msg_2' }), expected: 'invalid_signature' },
  { name: 'a gzip body whose bytes do not verify', sender: 'peridio', body: Uint8Array.of(0x1f, 0x8b, 8, 0), headers: peridioHeaders({ 'content-encoding': 'gzip' }), expected: 'unsupported_encoding' },
  { name: 'a body declared gzip but already decoded (the signed bytes)', sender: 'peridio', body: BODY, headers: peridioHeaders({ 'content-encoding': 'gzip' }), expected: 'ok' },
  { name: 'a tampered body with content-encoding: identity', sender: 'peridio', body: `${BODY} `, headers: peridioHeaders({ 'content-encoding': 'identity' }), expected: 'invalid_signature' },

  // Secrets.
  { name: 'the matching secret expired, another active', sender: 'peridio', body: BODY, headers: peridioHeaders(), expected: 'invalid_signature', options: { secret: undefined, secrets: [{ secret: PERIDIO_OLD_SECRET }, { secret: PERIDIO_SECRET, notAfter: NOW - 1 }] } },
  { name: 'a signature made with the secret read as ASCII, not hex-decoded', sender: 'peridio', body: BODY, headers: peridioHeaders({ 'peridio-signature': hmac(PERIDIO_SECRET, PUBLISHED, BODY).toString('hex') }), expected: 'invalid_signature' },
];

