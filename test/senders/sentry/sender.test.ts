import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createSentryVerifier, sentry } from '../../../src/senders/sentry/index.js';
import { sentryOracle } from '../../oracles/sentry.js';
import { describeConformance } from '../conformance.js';
import { describeOracleChecks, sha256Hex } from '../oracle-checks.js';

/** Sentry's documented scheme with node:crypto: bare hex of HMAC-SHA-256 over the raw body, UTF-8 key. */
const signature = (secret: string, body: string | Uint8Array) => `${createHmac('sha256', secret).update(body).digest('hex')}`;

describeConformance({
  name: 'sentry',
  sender: sentry,
  create: createSentryVerifier,
  secrets: [randomBytes(16).toString('base64url'), randomBytes(16).toString('base64url')],
  wrongSecret: randomBytes(16).toString('base64url'),
  multiSignature: false,
  timestampIn: 'none',
  payload: (ms) => ({ action: 'created', installation: { uuid: 'a8e5d37a-696c-4c54-adb5-b3f28d64c7de' }, data: { issue: { id: '1170820242', firstSeen: new Date(ms).toISOString() } } }),
  sign: (body, _ms, secrets) => ({ 'sentry-hook-signature': signature(secrets[0]!, body) }),
  expectedId: (body) => createHash('sha256').update(body).digest('hex'),
});

describeOracleChecks({
  sender: sentry,
  create: createSentryVerifier,
  oracle: sentryOracle,
  expected: (request) => ({ id: sha256Hex(request.body), eventType: undefined }),
});
