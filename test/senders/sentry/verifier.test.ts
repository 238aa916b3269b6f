import { createSentryVerifier, sentry } from '../../../src/senders/sentry/index.js';
import { sentryOracle } from '../../oracles/sentry.js';
import { describeBodyHmacVendor } from '../body-hmac-vendor.js';

describeBodyHmacVendor({
  sender: sentry,
  create: createSentryVerifier,
  oracle: sentryOracle,
  hash: 'sha256',
  payload: (ms) => ({ action: 'created', installation: { uuid: 'a8e5d37a-696c-4c54-adb5-b3f28d64c7de' }, data: { issue: { id: '1170820242', firstSeen: new Date(ms).toISOString() } } }),
  eventType: undefined,
});
