import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createCoinbaseCommerceVerifier, coinbaseCommerce } from '../../../src/senders/coinbase-commerce/index.js';
import { coinbaseCommerceOracle } from '../../oracles/coinbase-commerce.js';
import { describeConformance } from '../conformance.js';
import { describeOracleChecks, sha256Hex } from '../oracle-checks.js';

/** Coinbase Commerce's documented scheme with node:crypto: bare hex of HMAC-SHA-256 over the raw body, UTF-8 key. */
const signature = (secret: string, body: string | Uint8Array) => `${createHmac('sha256', secret).update(body).digest('hex')}`;

describeConformance({
  name: 'coinbase-commerce',
  sender: coinbaseCommerce,
  create: createCoinbaseCommerceVerifier,
  secrets: [randomBytes(16).toString('base64url'), randomBytes(16).toString('base64url')],
  wrongSecret: randomBytes(16).toString('base64url'),
  multiSignature: false,
  timestampIn: 'none',
  payload: (ms) => ({ id: 1, scheduled_for: new Date(ms).toISOString(), event: { id: '24934862-d980-46cb-9402-43c81b0cdba6', type: 'charge:created', data: { code: '66BEOV2A' } } }),
  sign: (body, _ms, secrets) => ({ 'x-cc-webhook-signature': signature(secrets[0]!, body) }),
  expectedId: (body) => createHash('sha256').update(body).digest('hex'),
});

describeOracleChecks({
  sender: coinbaseCommerce,
  create: createCoinbaseCommerceVerifier,
  oracle: coinbaseCommerceOracle,
  expected: (request) => ({ id: sha256Hex(request.body), eventType: 'charge:created' }),
});
