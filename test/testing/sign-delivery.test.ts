import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/core/errors.js';
import { defineSender } from '../../src/core/sender.js';
import { createVerifier } from '../../src/core/verifier.js';
import { webCryptoBackend } from '../../src/crypto/web.js';
import { edgesense } from '../../src/senders/edgesense/index.js';
import { peridio } from '../../src/senders/peridio/index.js';
import { standardWebhooks } from '../../src/senders/standard-webhooks/index.js';
import { signDelivery } from '../../src/testing/index.js';
import { githubLike } from '../helpers/github-sender.js';

const PERIDIO_SECRET = '5F2D0B5C4A1E49E6B0A6C3D1E2F40718';
const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);

describe('signDelivery', () => {
  it('serializes an object body compactly and sends strings and bytes as they are', async () => {
    const object = await signDelivery(edgesense, { secret: 's', body: { a: 1, b: [true] } });
    expect(object.body).toBe('{"a":1,"b":[true]}');
    expect((await signDelivery(edgesense, { secret: 's', body: ' {"a": 1} ' })).body).toBe(' {"a": 1} ');
    const bytes = new Uint8Array([123, 125]);
    expect((await signDelivery(edgesense, { secret: 's', body: bytes })).body).toBe(bytes);
    const buffer = await signDelivery(edgesense, { secret: 's', body: bytes.slice().buffer });
    expect(buffer.body).toEqual(bytes);
    expect(buffer.headers['x-edgesense-signature']).toBe(createHmac('sha256', 's').update('{}').digest('hex'));
  });

  it('writes the timestamp, id and content-type headers, keeping extra headers', async () => {
    const signed = await signDelivery(standardWebhooks, {
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      body: {},
      timestamp: new Date(NOW + 999),
      id: 'msg_1',
      headers: { 'User-Agent': 'test' },
    });
    expect(signed.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'test',
      'webhook-id': 'msg_1',
      'webhook-timestamp': String(NOW / 1000),
    });
  });

  it('makes a fresh random id when none is given', async () => {
    const options = { secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', body: {} };
    const a = await signDelivery(standardWebhooks, options);
    const b = await signDelivery(standardWebhooks, options);
    expect(a.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{24}$/);
    expect(a.headers['webhook-id']).not.toBe(b.headers['webhook-id']);
  });

  it('defaults the timestamp to now, which a default verifier accepts', async () => {
    const signed = await signDelivery(peridio, { secret: PERIDIO_SECRET, body: { prn: 'p' } });
    const at = Date.parse(signed.headers['peridio-published-at']!);
    expect(Math.abs(at - Date.now())).toBeLessThan(5000);
    await expect(createVerifier(peridio, { secret: PERIDIO_SECRET }).verify(signed)).resolves.toMatchObject({ id: 'p' });
  });

  it('signs once per secret, upper-case hex for Peridio, joined by the separator', async () => {
    const secrets = [PERIDIO_SECRET, 'B284A51B143841695B2D7BF3B8554731'];
    const signed = await signDelivery(peridio, { secrets, body: '{}', timestamp: NOW, backend: webCryptoBackend() });
    const at = signed.headers['peridio-published-at']!;
    expect(signed.headers['peridio-signature']).toBe(
      secrets.map((s) => createHmac('sha256', Buffer.from(s, 'hex')).update(`${at}{}`).digest('hex').toUpperCase()).join(','),
    );
  });

  it('fills header placeholders of a custom template from the given headers, in any case', async () => {
    const nonce = defineSender({
      name: 'nonce',
      signature: { header: 'x-sig', encoding: 'base64' },
      signedContent: '{x-nonce}|{body}',
      secretEncoding: 'utf8',
    });
    const signed = await signDelivery(nonce, { secret: 'k', body: 'b', headers: { 'X-Nonce': 'n1' } });
    expect(signed.headers['x-sig']).toBe(createHmac('sha256', 'k').update('n1|b').digest('base64'));
    await expect(createVerifier(nonce, { secret: 'k' }).verifySignature(signed)).resolves.toMatchObject({ sender: 'nonce' });
    await expect(signDelivery(nonce, { secret: 'k', body: 'b' })).rejects.toMatchObject({ code: 'invalid_option' });
  });

  // Issue #11, item 10: a missing body failed with a raw TypeError from crypto.
  it('refuses a delivery without a body, or one JSON cannot write, with a ConfigurationError', async () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    for (const options of [{ secret: 's' }, { secret: 's', body: undefined }, { secret: 's', body: () => 1 }, { secret: 's', body: 1n }, { secret: 's', body: cycle }]) {
      const error = await signDelivery(edgesense, options as never).catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error).toMatchObject({ code: 'invalid_option', message: expect.stringMatching(/body/) });
    }
    await expect(signDelivery(edgesense, undefined as never)).rejects.toBeInstanceOf(ConfigurationError);
    // An empty body is a body.
    const empty = await signDelivery(edgesense, { secret: 's', body: '' });
    expect(empty.body).toBe('');
    expect(empty.headers['x-edgesense-signature']).toBe(createHmac('sha256', 's').update('').digest('hex'));
  });

  it('writes the event-type header for senders that name the event in one', async () => {
    const signed = await signDelivery(githubLike, { secret: 's', body: { zen: 'z' }, eventType: 'ping' });
    expect(signed.headers['x-github-event']).toBe('ping');
    await expect(createVerifier(githubLike, { secret: 's' }).verify(signed)).resolves.toMatchObject({ eventType: 'ping' });
  });

  it('refuses bad setups with a ConfigurationError', async () => {
    const cases = [
      signDelivery(edgesense, { secrets: ['a', 'b'], body: {} }),
      signDelivery(edgesense, { secret: 'a', secrets: ['b'], body: {} }),
      signDelivery(edgesense, { body: {} }),
      signDelivery(peridio, { secret: 'not-hex', body: {} }),
    ];
    for (const pending of cases) await expect(pending).rejects.toBeInstanceOf(ConfigurationError);
  });
});
