import { createCoinbaseCommerceVerifier, coinbaseCommerce } from '../../../src/senders/coinbase-commerce/index.js';
import { coinbaseCommerceOracle } from '../../oracles/coinbase-commerce.js';
import { describeBodyHmacVendor } from '../body-hmac-vendor.js';

describeBodyHmacVendor({
  sender: coinbaseCommerce,
  create: createCoinbaseCommerceVerifier,
  oracle: coinbaseCommerceOracle,
  hash: 'sha256',
  payload: (ms) => ({ id: 1, scheduled_for: new Date(ms).toISOString(), event: { id: '24934862-d980-46cb-9402-43c81b0cdba6', type: 'charge:created', data: { code: '66BEOV2A' } } }),
  eventType: 'charge:created',
});
