import { createHash, randomBytes } from 'node:crypto';
import { calendly, createCalendlyVerifier } from '../../../src/senders/calendly/index.js';
import { calendlyOracle } from '../../oracles/calendly.js';
import { describeConformance } from '../conformance.js';
import { describeOracleChecks, sha256Hex } from '../oracle-checks.js';
import { timestampedParameters } from '../reference-signers.js';

/** Calendly's documented scheme: `t=<s>,v1=<hex of HMAC-SHA256("<t>.<body>")>`. */
const calendlySignature = timestampedParameters({ time: 't', signature: 'v1', pairSeparator: ',', between: '.' });

describeConformance({
  name: 'calendly',
  sender: calendly,
  create: createCalendlyVerifier,
  secrets: [randomBytes(32).toString('base64url'), randomBytes(32).toString('base64url')],
  wrongSecret: randomBytes(32).toString('base64url'),
  multiSignature: true,
  timestampIn: 'header',
  payload: (ms) => ({ created_at: new Date(ms).toISOString(), event: 'invitee.created', payload: { email: 'test@example.com' } }),
  sign: (body, ms, secrets) => ({ 'calendly-webhook-signature': calendlySignature(body, ms, secrets) }),
  expectedId: (body) => createHash('sha256').update(body).digest('hex'),
});

describeOracleChecks({
  sender: calendly,
  create: createCalendlyVerifier,
  oracle: calendlyOracle,
  expected: (request) => ({ id: sha256Hex(request.body), eventType: 'invitee.created' }),
});
