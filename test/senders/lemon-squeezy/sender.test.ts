import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createLemonSqueezyVerifier, lemonSqueezy } from '../../../src/senders/lemon-squeezy/index.js';
import { lemonSqueezyOracle } from '../../oracles/lemon-squeezy.js';
import { describeConformance } from '../conformance.js';
import { describeOracleChecks, sha256Hex } from '../oracle-checks.js';

/** Lemon Squeezy's documented scheme with node:crypto: bare hex of HMAC-SHA-256 over the raw body, UTF-8 key. */
const signature = (secret: string, body: string | Uint8Array) => `${createHmac('sha256', secret).update(body).digest('hex')}`;

describeConformance({
  name: 'lemon-squeezy',
  sender: lemonSqueezy,
  create: createLemonSqueezyVerifier,
  secrets: [randomBytes(16).toString('base64url'), randomBytes(16).toString('base64url')],
  wrongSecret: randomBytes(16).toString('base64url'),
  multiSignature: false,
  timestampIn: 'none',
  payload: (ms) => ({ meta: { event_name: 'order_created', custom_data: { customer_id: 25 } }, data: { type: 'orders', id: '1', attributes: { created_at: new Date(ms).toISOString() } } }),
  sign: (body, _ms, secrets) => ({ 'x-signature': signature(secrets[0]!, body) }),
  expectedId: (body) => createHash('sha256').update(body).digest('hex'),
});

describeOracleChecks({
  sender: lemonSqueezy,
  create: createLemonSqueezyVerifier,
  oracle: lemonSqueezyOracle,
  expected: (request) => ({ id: sha256Hex(request.body), eventType: 'order_created' }),
});
