import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createPeridioVerifier, peridio } from '../../../src/senders/peridio/index.js';
import { signDelivery } from '../../../src/testing/index.js';
import { describeConformance, NOW } from '../conformance.js';

/** Peridio's documented algorithm, with node:crypto alone: HMAC-SHA256, key = hex-decoded secret. */
function peridioSignature(secret: string, publishedAt: string, body: string | Uint8Array): string {
  return createHmac('sha256', Buffer.from(secret, 'hex')).update(publishedAt).update(body).digest('hex').toUpperCase();
}

/** Whole seconds as Peridio writes them ("2000-01-01T00:00:00Z"), milliseconds otherwise. */
const publishedAt = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

const ORG = '4e33149b-637d-4679-b64f-4905e7a0cf8c';

describeConformance({
  name: 'peridio',
  sender: peridio,
  create: createPeridioVerifier,
  secrets: ['5F2D0B5C4A1E49E6B0A6C3D1E2F40718', 'b284a51b143841695b2d7bf3b8554731'],
  wrongSecret: '00112233445566778899AABBCCDDEEFF',
  multiSignature: true,
  timestampIn: 'header',
  payload: (ms) => ({
    version: 1,
    prn: `prn:1:${ORG}:event:5b7e1a0c-2f43-4d0e-9a51-8f0c3a2b1d11`,
    type: 'device',
    inserted_at: new Date(ms - 2000).toISOString(),
    data: {
      type: 'release_changed',
      data: {
        device: { identifier: 'SN1337', prn: `prn:1:${ORG}:device:9c1b` },
        from_release: null,
        to_release: { prn: `prn:1:${ORG}:release:77aa`, version: '2.0.0' },
      },
    },
  }),
  sign: (body, ms, secrets) => {
    const at = publishedAt(ms);
    return {
      'peridio-published-at': at,
      'peridio-signature': secrets.map((secret) => peridioSignature(secret, at, body)).join(','),
    };
  },
  expectedId: (_body, _headers, payload) => payload.prn as string,
});

describe('peridio: specifics', () => {
  it('signs the inputs of Peridio’s worked example as the documented algorithm does', async () => {
    // Peridio's published expected value does not reproduce (see README); the inputs still
    // make a useful cross-check of our signer against node:crypto.
    const secret = 'B284A51B143841695B2D7BF3B8554731';
    const body = JSON.stringify({
      version: 1,
      prn: `prn:1:${ORG}:event:0f1e2d3c-4b5a-4968-8776-655443322110`,
      type: 'device',
      inserted_at: '2000-01-01T00:00:00Z',
      data: { type: 'release_changed', data: { device: { identifier: 'SN1', prn: `prn:1:${ORG}:device:1` }, from_release: null } },
    });
    const signed = await signDelivery(peridio, { secret, body, timestamp: Date.parse('2000-01-01T00:00:00Z') });
    expect(signed.headers['peridio-published-at']).toBe('2000-01-01T00:00:00Z');
    expect(signed.headers['peridio-signature']).toBe(peridioSignature(secret, '2000-01-01T00:00:00Z', body));
    expect(signed.headers['peridio-signature']).toMatch(/^[0-9A-F]{64}$/);
    const verifier = createPeridioVerifier({ secret, now: () => Date.parse('2000-01-01T00:04:00Z') });
    await expect(verifier.verify(signed)).resolves.toMatchObject({ timestamp: new Date('2000-01-01T00:00:00Z') });
  });

  it('signs the published-at value exactly as received, fractional seconds and offsets included', async () => {
    const secret = '5F2D0B5C4A1E49E6B0A6C3D1E2F40718';
    const body = JSON.stringify({ prn: 'prn:1:x:event:y' });
    const verifier = createPeridioVerifier({ secret, now: () => NOW });
    for (const at of ['2026-11-23T12:00:00.123456Z', '2026-11-23T13:00:00+01:00', '2026-11-23T12:00:00z']) {
      const headers = { 'peridio-published-at': at, 'peridio-signature': peridioSignature(secret, at, body) };
      await expect(verifier.verify({ body, headers })).resolves.toMatchObject({ id: 'prn:1:x:event:y' });
    }
  });

  it('uses the hex-decoded secret as the key, not its ASCII text', async () => {
    const secret = '5F2D0B5C4A1E49E6B0A6C3D1E2F40718';
    const body = '{"prn":"p"}';
    const at = publishedAt(NOW);
    const asciiKeyed = createHmac('sha256', secret).update(at + body).digest('hex');
    const verifier = createPeridioVerifier({ secret, now: () => NOW });
    await expect(
      verifier.safeVerify({ body, headers: { 'peridio-published-at': at, 'peridio-signature': asciiKeyed } }),
    ).resolves.toMatchObject({ ok: false, code: 'invalid_signature' });
  });

  it('reports no id when the body has no string prn', async () => {
    const secret = '5F2D0B5C4A1E49E6B0A6C3D1E2F40718';
    const verifier = createPeridioVerifier({ secret, now: () => NOW });
    for (const body of ['{}', '{"prn":42}', '{"prn":""}', '[]', '"text"']) {
      const at = publishedAt(NOW);
      const delivery = await verifier.verify({ body, headers: { 'peridio-published-at': at, 'peridio-signature': peridioSignature(secret, at, body) } });
      expect(delivery.id).toBeUndefined();
    }
  });
});

describe('peridio: headers as real servers hand them over', () => {
  const secret = '5F2D0B5C4A1E49E6B0A6C3D1E2F40718';
  const other = '00112233445566778899AABBCCDDEEFF';
  const body = '{"prn":"prn:1:x:event:y"}';
  const at = publishedAt(NOW);
  const verifier = createPeridioVerifier({ secret, now: () => NOW });

  /** Sends raw header lines to a real node:http server and returns what it parsed. */
  async function nodeHeaders(lines: readonly string[]): Promise<IncomingHttpHeaders> {
    const server = createServer((request, response) => {
      response.end();
      server.emit('parsed', request.headers);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const parsed = new Promise<IncomingHttpHeaders>((resolve) => server.once('parsed', resolve));
      const socket = connect(port, '127.0.0.1');
      socket.end(
        ['POST / HTTP/1.1', 'Host: 127.0.0.1', `Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close', ...lines, '', body].join('\r\n'),
      );
      socket.on('data', () => undefined);
      return await parsed;
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it('a signature header sent twice is joined by the platform into a list, valid if either entry is', async () => {
    const lines = [`peridio-published-at: ${at}`, `Peridio-Signature: ${peridioSignature(other, at, body)}`, `peridio-signature: ${peridioSignature(secret, at, body)}`];
    const fromNode = await nodeHeaders(lines);
    expect(fromNode['peridio-signature']).toContain(', ');
    await expect(verifier.verify({ body, headers: fromNode })).resolves.toMatchObject({ id: 'prn:1:x:event:y' });
    const fetchHeaders = new Headers();
    for (const line of lines) fetchHeaders.append(line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2));
    await expect(verifier.verify({ body, headers: fetchHeaders })).resolves.toBeDefined();
  });

  it('a published-at header sent twice is malformed, through node:http and Fetch alike', async () => {
    const lines = [`peridio-published-at: ${at}`, `Peridio-Published-At: ${at}`, `peridio-signature: ${peridioSignature(secret, at, body)}`];
    await expect(verifier.safeVerify({ body, headers: await nodeHeaders(lines) })).resolves.toMatchObject({ code: 'malformed_header' });
    const fetchHeaders = new Headers();
    for (const line of lines) fetchHeaders.append(line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2));
    await expect(verifier.safeVerify({ body, headers: fetchHeaders })).resolves.toMatchObject({ code: 'malformed_header' });
  });
});
