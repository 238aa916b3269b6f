import { createLemonSqueezyVerifier, lemonSqueezy } from '../../../src/senders/lemon-squeezy/index.js';
import { lemonSqueezyOracle } from '../../oracles/lemon-squeezy.js';
import { describeBodyHmacVendor } from '../body-hmac-vendor.js';

describeBodyHmacVendor({
  sender: lemonSqueezy,
  create: createLemonSqueezyVerifier,
  oracle: lemonSqueezyOracle,
  hash: 'sha256',
  payload: (ms) => ({ meta: { event_name: 'order_created', custom_data: { customer_id: 25 } }, data: { type: 'orders', id: '1', attributes: { created_at: new Date(ms).toISOString() } } }),
  eventType: 'order_created',
});
