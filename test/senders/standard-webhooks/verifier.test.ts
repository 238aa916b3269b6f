import { createHmac, randomBytes } from 'node:crypto';
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
