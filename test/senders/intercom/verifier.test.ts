import { createIntercomVerifier, intercom } from '../../../src/senders/intercom/index.js';
import { intercomOracle } from '../../oracles/intercom.js';
import { describeBodyHmacVendor } from '../body-hmac-vendor.js';

describeBodyHmacVendor({
  sender: intercom,
  create: createIntercomVerifier,
  oracle: intercomOracle,
  hash: 'sha1',
  payload: (ms) => ({ type: 'notification_event', id: 'notif_ccd8a4d2', topic: 'conversation.user.created', created_at: Math.floor(ms / 1000), data: { item: { type: 'conversation' } } }),
  eventType: 'conversation.user.created',
});
