import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createIntercomVerifier, intercom } from '../../../src/senders/intercom/index.js';
import { intercomOracle } from '../../oracles/intercom.js';
import { describeConformance } from '../conformance.js';
import { describeOracleChecks, sha256Hex } from '../oracle-checks.js';

/** Intercom's documented scheme with node:crypto: `sha1=<hex>` of HMAC-SHA-1 over the raw body, UTF-8 key. */
const signature = (secret: string, body: string | Uint8Array) => `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`;

describeConformance({
  name: 'intercom',
  sender: intercom,
  create: createIntercomVerifier,
  secrets: [randomBytes(16).toString('base64url'), randomBytes(16).toString('base64url')],
  wrongSecret: randomBytes(16).toString('base64url'),
  multiSignature: false,
  timestampIn: 'none',
  payload: (ms) => ({ type: 'notification_event', id: 'notif_ccd8a4d2', topic: 'conversation.user.created', created_at: Math.floor(ms / 1000), data: { item: { type: 'conversation' } } }),
  sign: (body, _ms, secrets) => ({ 'x-hub-signature': signature(secrets[0]!, body) }),
  expectedId: (body) => createHash('sha256').update(body).digest('hex'),
});

describeOracleChecks({
  sender: intercom,
  create: createIntercomVerifier,
  oracle: intercomOracle,
  expected: (request) => ({ id: sha256Hex(request.body), eventType: 'conversation.user.created' }),
});
