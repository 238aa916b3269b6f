import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { VerifierOptions } from '../../../src/core/verifier.js';
import { nodeCryptoBackend } from '../../../src/crypto/node.js';
import { webCryptoBackend } from '../../../src/crypto/web.js';
import { createTwilioJsonVerifier, createTwilioVerifier, twilio, twilioJson } from '../../../src/senders/twilio/index.js';
import { signDelivery } from '../../../src/testing/index.js';
import { twilioJsonOracle, twilioOracle } from '../../oracles/twilio.js';
import { expectCode } from '../conformance.js';
import { describeOracleChecks, sha256Hex } from '../oracle-checks.js';

const TOKEN = '12345';
const URL_ = 'https://example.com/twilio/sms?tenant=7';
const NOW = Date.UTC(2026, 10, 23, 12);

/** Twilio's documented algorithm, written out: the URL, then each name and value sorted by name. */
function formSignature(url: string, params: [string, string][], token = TOKEN): string {
  const sorted = [...params].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHmac('sha1', token).update(url + sorted.map(([name, value]) => name + value).join('')).digest('base64');
}

const paramsOf = (body: string): [string, string][] => [...new URLSearchParams(body)];
const formText = (body: string) => paramsOf(body).sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0)).map(([n, v]) => n + v).join('');

describeOracleChecks({
  sender: twilio,
  create: (options) => createTwilioVerifier(options),
  oracle: twilioOracle,
  expected: (request) => ({ id: sha256Hex(formText(Buffer.from(request.body).toString('utf8'))), eventType: undefined, authenticated: 'body-fields' }),
  payload: (request) => Object.fromEntries(paramsOf(Buffer.from(request.body).toString('utf8'))),
});

describeOracleChecks({
  sender: twilioJson,
  create: (options) => createTwilioJsonVerifier(options),
  oracle: twilioJsonOracle,
  expected: (request) => ({ id: sha256Hex(request.body), eventType: undefined }),
  tampers: [
    {
      what: 'one digit of the bodySHA256 parameter, re-signed with another body',
      refused: true,
      apply: (request) => {
        // The URL names the digest of another body, and is validly signed: the body no longer binds.
        const other = createHash('sha256').update('{"other":true}').digest('hex');
        const url = request.url.replace(/bodySHA256=[0-9a-f]+/, `bodySHA256=${other}`);
        return { ...request, url, headers: { ...request.headers, 'x-twilio-signature': createHmac('sha1', TOKEN).update(url).digest('base64') } };
      },
    },
  ],
});

describe('twilio (form): what the SDK leaves implicit', () => {
  const body = 'To=%2B18005551212&From=%2B14158675310&Body=caf%C3%A9+%E2%9C%93&MessageSid=SM1';
  const headers = { 'x-twilio-signature': formSignature(URL_, paramsOf(body)) };
  const verifier = (options: Partial<VerifierOptions> = {}) => createTwilioVerifier({ secret: TOKEN, now: () => NOW, ...options });

  it('verifies the same signed fields however they are ordered or percent-encoded, under one dedupe id', async () => {
    const reordered = 'MessageSid=SM1&Body=caf%C3%A9%20%E2%9C%93&From=+14158675310&To=%2B18005551212'.replace('From=+', 'From=%2B');
    const first = await verifier().verify({ body, headers, url: URL_ });
    const second = await verifier().verify({ body: reordered, headers, url: URL_ });
    expect(second.payload).toEqual(first.payload);
    expect(second.id).toBe(first.id);
    expect(first.id).not.toBe(sha256Hex(body));
  });

  it('signs a repeated name once per distinct value, sorted, as the SDK does', async () => {
    const repeated = 'Digits=5678&Sid=CA123&Digits=1234&Digits=5678';
    const signature = createHmac('sha1', TOKEN).update(`${URL_}Digits1234Digits5678SidCA123`).digest('base64');
    const delivery = await verifier().verify({ body: repeated, headers: { 'x-twilio-signature': signature }, url: URL_ });
    expect(delivery.payload).toEqual({ Digits: ['5678', '1234', '5678'], Sid: 'CA123' });
    expect(await twilioOracle.verify!({ method: 'POST', url: URL_, headers: { 'x-twilio-signature': signature }, body: Buffer.from(repeated) }, TOKEN)).toBe(true);
  });

  it('refuses a field added, removed or changed, and the same fields posted to another URL', async () => {
    for (const changed of [`${body}&Extra=1`, body.replace('&MessageSid=SM1', ''), body.replace('SM1', 'SM2'), body.replace('To=', 'TO=')]) {
      await expectCode(verifier(), { body: changed, headers, url: URL_ }, 'invalid_signature');
    }
    for (const url of ['https://example.com/twilio/sms?tenant=8', 'http://example.com/twilio/sms?tenant=7', 'https://example.com:443/twilio/sms?tenant=7']) {
      await expectCode(verifier(), { body, headers, url }, 'invalid_signature');
    }
  });

  it('takes the URL from the verifier when it is pinned, and says so when there is none', async () => {
    await expect(verifier({ url: URL_ }).verify({ body, headers, url: 'http://internal:8080/sms' })).resolves.toMatchObject({ sender: 'twilio' });
    await expect(verifier().verify({ body, headers })).rejects.toMatchObject({ name: 'ConfigurationError', code: 'invalid_option' });
  });

  it('refuses a forged body of half a million parameters before parsing it, and reads 1,000', async () => {
    const huge = 'a&'.repeat(512 * 1024 - 1);
    const started = performance.now();
    const outcome = await expectCode(verifier(), { body: huge, headers, url: URL_ }, 'invalid_body');
    expect(outcome.message).toMatch(/more than 1000 form parameters/);
    // Parsing it would take about a second on Node's URLSearchParams; counting takes a few ms.
    expect(performance.now() - started).toBeLessThan(250);
    const thousand = Array.from({ length: 1000 }, (_, i) => `p${i}=${i}`).join('&');
    const signature = { 'x-twilio-signature': formSignature(URL_, paramsOf(thousand)) };
    await expect(verifier().verify({ body: thousand, headers: signature, url: URL_ })).resolves.toBeDefined();
    await expectCode(verifier(), { body: Buffer.from(`${thousand}&x=1`), headers: signature, url: URL_ }, 'invalid_body');
  });

  it('refuses a body that is not UTF-8 with invalid_body, before any HMAC', async () => {
    await expectCode(verifier(), { body: Uint8Array.of(0x61, 0x3d, 0xff), headers, url: URL_ }, 'invalid_body');
  });

  it('computes one HMAC-SHA1 per secret on both backends', async () => {
    for (const backend of [nodeCryptoBackend()!, webCryptoBackend()]) {
      await expect(verifier({ backend }).verify({ body, headers, url: URL_ })).resolves.toMatchObject({ matchedSecret: { index: 0 } });
      await expectCode(verifier({ backend, secret: 'another token' }), { body, headers, url: URL_ }, 'invalid_signature');
    }
  });
});

describe('twilio (JSON): the bodySHA256 parameter', () => {
  const body = '{"specversion":"1.0","type":"com.twilio.messaging.message.delivered"}';
  const base = 'https://example.com/twilio/events';
  const urlFor = (text: string) => `${base}?bodySHA256=${sha256Hex(text)}`;
  const signed = (url: string) => ({ 'x-twilio-signature': createHmac('sha1', TOKEN).update(url).digest('base64') });
  const verifier = (options: Partial<VerifierOptions> = {}) => createTwilioJsonVerifier({ secret: TOKEN, now: () => NOW, ...options });

  it('binds every byte of the body through the signed digest, on both backends', async () => {
    for (const backend of [nodeCryptoBackend()!, webCryptoBackend()]) {
      const url = urlFor(body);
      await expect(verifier({ backend }).verify({ body, headers: signed(url), url })).resolves.toMatchObject({ authenticated: 'body', id: sha256Hex(body) });
      const outcome = await expectCode(verifier({ backend }), { body: `${body} `, headers: signed(url), url }, 'invalid_signature');
      expect(outcome.message).toMatch(/bodySHA256/);
      // verifySignature checks the body too: the URL alone proves nothing about it.
      await expect(verifier({ backend }).verifySignature({ body: `${body} `, headers: signed(url), url })).resolves.toMatchObject({ code: 'invalid_signature' });
    }
  });

  it('refuses a URL without exactly one lower-case SHA-256 in bodySHA256', async () => {
    const digest = sha256Hex(body);
    for (const url of [base, `${base}?bodySHA256=${digest}&bodySHA256=${digest}`, `${base}?bodySHA256=${digest.toUpperCase()}`, `${base}?bodySHA256=${digest.slice(1)}`, 'not a url']) {
      const outcome = await expectCode(verifier(), { body, headers: signed(url), url }, 'invalid_signature');
      expect(outcome.message).toMatch(/bodySHA256/);
    }
  });

  it('signs with hookverify/testing the URL the delivery is then posted to', async () => {
    const delivery = await signDelivery(twilioJson, { secret: TOKEN, body, url: `${base}?tenant=7` });
    expect(delivery.url).toBe(`${base}?tenant=7&bodySHA256=${sha256Hex(body)}`);
    expect(delivery.headers['x-twilio-signature']).toBe(signed(delivery.url!)['x-twilio-signature']);
  });
});
