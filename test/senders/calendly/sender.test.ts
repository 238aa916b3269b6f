import { createHash, createHmac, randomBytes } from 'node:crypto';
import { calendly, createCalendlyVerifier } from '../../../src/senders/calendly/index.js';
import { calendlyOracle } from '../../oracles/calendly.js';
import { describeConformance } from '../conformance.js';
import { describeOracleChecks, sha256Hex } from '../oracle-checks.js';

/** Calendly's documented scheme with node:crypto: `t=<s>,v1=<hex of HMAC-SHA256("<t>.<body>")>`. */
function calendlySignature(body: string | Uint8Array, ms: number, secrets: readonly string[]): string {
  const t = Math.floor(ms / 1000);
  return [`t=${t}`, ...secrets.map((secret) => `v1=${createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex')}`)].join(',');
}

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
