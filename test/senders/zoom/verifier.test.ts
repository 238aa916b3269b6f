import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nodeCryptoBackend } from '../../../src/crypto/node.js';
import { webCryptoBackend } from '../../../src/crypto/web.js';
import { createZoomVerifier, zoom, zoomUrlValidationResponse } from '../../../src/senders/zoom/index.js';
import { signDelivery } from '../../../src/testing/index.js';
import { zoomOracle, zoomUrlValidation } from '../../oracles/zoom.js';
import { describeConformance } from '../conformance.js';
import { describeOracleChecks, sha256Hex } from '../oracle-checks.js';

/** Zoom's documented algorithm: `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<body>`. */
const zoomSignature = (secret: string, seconds: string, body: string | Uint8Array) =>
  `v0=${createHmac('sha256', secret).update(`v0:${seconds}:`).update(body).digest('hex')}`;

describeOracleChecks({
  sender: zoom,
  create: (options) => createZoomVerifier(options),
  oracle: zoomOracle,
  expected: (request) => ({ id: sha256Hex(request.body), eventType: 'meeting.started' }),
});

describeConformance({
  name: 'zoom',
  sender: zoom,
  create: createZoomVerifier,
  secrets: [randomBytes(11).toString('base64url'), randomBytes(11).toString('base64url')],
  wrongSecret: randomBytes(11).toString('base64url'),
  multiSignature: false,
  timestampIn: 'header',
  payload: (ms) => ({ event: 'meeting.started', event_ts: ms, payload: { account_id: 'AAAAAABBBB', object: { id: '1234567890' } } }),
  sign: (body, ms, [secret]) => {
    const seconds = String(Math.floor(ms / 1000));
    return { 'x-zm-request-timestamp': seconds, 'x-zm-signature': zoomSignature(secret!, seconds, body) };
  },
  expectedId: (body) => sha256Hex(body),
});

describe('zoom: endpoint.url_validation', () => {
  const secret = randomBytes(11).toString('base64url');
  const plainToken = 'qgg8vlvZRS6UYooatFL8Aw';
  const now = Date.UTC(2026, 10, 23, 12);

  it('answers a verified validation event exactly as @zoom/rivet does, on both backends', async () => {
    const body = { payload: { plainToken }, event_ts: now, event: 'endpoint.url_validation' };
    const signed = await signDelivery(zoom, { secret, body, timestamp: now });
    const delivery = await createZoomVerifier({ secret, now: () => now }).verify(signed);
    const rivet = await zoomUrlValidation.sdk(secret, plainToken, now / 1000);
    for (const backend of [nodeCryptoBackend()!, webCryptoBackend()]) {
      expect(await zoomUrlValidationResponse(delivery, secret, { backend })).toEqual(rivet);
    }
    expect(rivet).toEqual(zoomUrlValidation.reference(secret, plainToken));
  });

  it('answers nothing for any other event, or a validation event without a token', async () => {
    for (const payload of [
      { event: 'meeting.started', payload: { plainToken } },
      { event: 'endpoint.url_validation', payload: {} },
      { event: 'endpoint.url_validation', payload: { plainToken: 42 } },
      { event: 'endpoint.url_validation', payload: { plainToken: '' } },
      { event: 'endpoint.url_validation' },
      null,
      'endpoint.url_validation',
    ]) {
      expect(await zoomUrlValidationResponse({ payload }, secret)).toBeUndefined();
    }
  });

  it('refuses a missing secret as a configuration error', async () => {
    const delivery = { payload: { event: 'endpoint.url_validation', payload: { plainToken } } };
    for (const bad of [undefined, '', '   ']) {
      await expect(zoomUrlValidationResponse(delivery, bad as never)).rejects.toMatchObject({ name: 'ConfigurationError', code: 'invalid_secret' });
    }
  });
});
