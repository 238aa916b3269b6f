import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createWebhookReceiver } from '../../../src/core/pipeline/create-webhook-receiver.js';
import { createSquareVerifier, square } from '../../../src/senders/square/index.js';
import { squareOracle } from '../../oracles/square.js';
import { describeConformance, expectCode } from '../conformance.js';
import { describeOracleChecks, sha256Hex } from '../oracle-checks.js';

const NOTIFICATION_URL = 'https://example.com/webhooks/square';

/** Square's documented algorithm: base64 HMAC-SHA256 of the notification URL, then the body. */
const squareSignature = (secret: string, body: string | Uint8Array, url = NOTIFICATION_URL) =>
  createHmac('sha256', secret).update(url).update(body).digest('base64');

describeOracleChecks({
  sender: square,
  create: (options, request) => createSquareVerifier({ ...options, notificationUrl: request.url }),
  oracle: squareOracle,
  expected: (request) => ({ id: sha256Hex(request.body), eventType: 'payment.updated' }),
});

describeConformance({
  name: 'square',
  sender: square,
  create: (options) => createSquareVerifier({ ...options, notificationUrl: NOTIFICATION_URL }),
  url: NOTIFICATION_URL,
  secrets: [randomBytes(16).toString('base64url'), randomBytes(16).toString('base64url')],
  wrongSecret: randomBytes(16).toString('base64url'),
  multiSignature: false,
  timestampIn: 'none',
  payload: () => ({ merchant_id: '6SSW7HV8K2ST5', type: 'payment.updated', event_id: '6a8f5f28-54a1-4eb0-a98a-3111513fd4fc', data: { id: 'KkAkhdMs' } }),
  sign: (body, _ms, [secret]) => ({ 'x-square-hmacsha256-signature': squareSignature(secret!, body) }),
  expectedId: (body) => sha256Hex(body),
});

describe('square: the notification URL', () => {
  const secret = 'asdf1234';
  const body = '{"hello":"world"}';
  const headers = { 'x-square-hmacsha256-signature': squareSignature(secret, body) };

  it('is required when the verifier is built, since Square signs it', () => {
    for (const notificationUrl of [undefined, '', 42]) {
      expect(() => createSquareVerifier({ secret, notificationUrl } as never)).toThrow(expect.objectContaining({ code: 'invalid_option', message: expect.stringMatching(/notificationUrl/) }));
    }
  });

  it('lets the receiving pipeline, which passes no URL, verify Square deliveries', async () => {
    const receiver = createWebhookReceiver({ verifier: createSquareVerifier({ secret, notificationUrl: NOTIFICATION_URL }), handle: () => {} });
    await expect(receiver.receive({ method: 'POST', headers, body })).resolves.toMatchObject({ status: 200 });
    await expect(receiver.receive({ method: 'POST', headers, body: `${body} ` })).resolves.toMatchObject({ status: 401 });
  });

  it("is used instead of the request's own URL, which a proxy may have rewritten", async () => {
    const verifier = createSquareVerifier({ secret, notificationUrl: NOTIFICATION_URL });
    await expect(verifier.verify({ body, headers, url: 'http://10.0.0.7:8080/webhooks/square' })).resolves.toMatchObject({ sender: 'square', replayable: true });
    await expectCode(createSquareVerifier({ secret, notificationUrl: `${NOTIFICATION_URL}/` }), { body, headers }, 'invalid_signature');
  });
});
