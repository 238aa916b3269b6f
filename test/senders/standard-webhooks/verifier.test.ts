import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createStandardWebhooksVerifier, standardWebhooks } from '../../../src/senders/standard-webhooks/index.js';
import { describeConformance } from '../conformance.js';

const ID = 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W';

/** The specification: base64 HMAC-SHA256 of `<id>.<timestamp>.<body>`, key = base64 after `whsec_`. */
export function standardSignature(secret: string, id: string, timestamp: string, body: string | Uint8Array): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest('base64')}`;
}

describeConformance({
  name: 'standard-webhooks',
  sender: standardWebhooks,
  create: createStandardWebhooksVerifier,
  secrets: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', `whsec_${randomBytes(32).toString('base64')}`],
  wrongSecret: `whsec_${randomBytes(24).toString('base64')}`,
  multiSignature: true,
  timestampIn: 'header',
  payload: (ms) => ({ type: 'invoice.paid', timestamp: new Date(ms).toISOString(), data: { id: 'inv_1', amount: 4200 } }),
  sign: (body, ms, secrets) => {
    const timestamp = String(Math.floor(ms / 1000));
    return {
      'webhook-id': ID,
      'webhook-timestamp': timestamp,
      'webhook-signature': secrets.map((secret) => standardSignature(secret, ID, timestamp, body)).join(' '),
    };
  },
  expectedId: (_body, headers) => headers['webhook-id'],
});

// Issue #11, items 9 and 11: the specification allows payloads that are not JSON, and the
// reference libraries accept secrets whose base64 padding was cut off.
describe('standard-webhooks: non-JSON payloads and unpadded secrets', () => {
  const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
  const timestamp = String(NOW / 1000);
  const key = randomBytes(32);
  const padded = `whsec_${key.toString('base64')}`;
  const unpadded = padded.replace(/=+$/, '');
  const headers = (body: string) => ({ 'webhook-id': ID, 'webhook-timestamp': timestamp, 'webhook-signature': standardSignature(padded, ID, timestamp, body) });

  it('verifies with the unpadded form of the secret', async () => {
    expect(unpadded).not.toBe(padded);
    const body = '{"type":"ping"}';
    const delivery = await createStandardWebhooksVerifier({ secret: unpadded, now: () => NOW }).verify({ body, headers: headers(body) });
    expect(delivery).toMatchObject({ id: ID, payload: { type: 'ping' } });
  });

  it('hands over an empty or plain-text body as text when told so, and refuses it as JSON', async () => {
    const text = createStandardWebhooksVerifier({ secret: padded, now: () => NOW, body: 'text' });
    await expect(text.verify({ body: '', headers: headers('') })).resolves.toMatchObject({ payload: '', id: ID });
    await expect(text.verify({ body: 'hello', headers: headers('hello') })).resolves.toMatchObject({ payload: 'hello' });
    const json = createStandardWebhooksVerifier({ secret: padded, now: () => NOW });
    await expect(json.safeVerify({ body: '', headers: headers('') })).resolves.toMatchObject({ ok: false, code: 'invalid_body' });
  });
});
