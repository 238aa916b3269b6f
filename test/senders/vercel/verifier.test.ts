import { createVercelVerifier, vercel } from '../../../src/senders/vercel/index.js';
import { vercelOracle } from '../../oracles/vercel.js';
import { describeBodyHmacVendor } from '../body-hmac-vendor.js';

describeBodyHmacVendor({
  sender: vercel,
  create: createVercelVerifier,
  oracle: vercelOracle,
  hash: 'sha1',
  payload: (ms) => ({ id: 'uev_2bFuEmWPXqyWu5n2xxOGvC6F', type: 'deployment.succeeded', createdAt: ms, payload: { deployment: { id: 'dpl_89m3' } } }),
  eventType: 'deployment.succeeded',
});
