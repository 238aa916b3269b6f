import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createVercelVerifier, vercel } from '../../../src/senders/vercel/index.js';
import { vercelOracle } from '../../oracles/vercel.js';
import { describeConformance } from '../conformance.js';
import { describeOracleChecks, sha256Hex } from '../oracle-checks.js';

/** Vercel's documented scheme with node:crypto: bare hex of HMAC-SHA-1 over the raw body, UTF-8 key. */
const signature = (secret: string, body: string | Uint8Array) => `${createHmac('sha1', secret).update(body).digest('hex')}`;

describeConformance({
  name: 'vercel',
  sender: vercel,
  create: createVercelVerifier,
  secrets: [randomBytes(16).toString('base64url'), randomBytes(16).toString('base64url')],
  wrongSecret: randomBytes(16).toString('base64url'),
  multiSignature: false,
  timestampIn: 'none',
  payload: (ms) => ({ id: 'uev_2bFuEmWPXqyWu5n2xxOGvC6F', type: 'deployment.succeeded', createdAt: ms, payload: { deployment: { id: 'dpl_89m3' } } }),
  sign: (body, _ms, secrets) => ({ 'x-vercel-signature': signature(secrets[0]!, body) }),
  expectedId: (body) => createHash('sha256').update(body).digest('hex'),
});

describeOracleChecks({
  sender: vercel,
  create: createVercelVerifier,
  oracle: vercelOracle,
  expected: (request) => ({ id: sha256Hex(request.body), eventType: 'deployment.succeeded' }),
});
