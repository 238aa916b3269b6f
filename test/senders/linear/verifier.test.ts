import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createLinearVerifier, linear } from '../../../src/senders/linear/index.js';
import { linearOracle } from '../../oracles/linear.js';
import { describeConformance, expectCode, NOW } from '../conformance.js';
import { describeOracleChecks, sha256Hex } from '../oracle-checks.js';
import { bodyHmac } from '../reference-signers.js';

const linearSignature = bodyHmac('sha256');

describeConformance({
  name: 'linear',
  sender: linear,
  create: createLinearVerifier,
  secrets: [`lin_wh_${randomBytes(24).toString('base64url')}`, `lin_wh_${randomBytes(24).toString('base64url')}`],
  wrongSecret: `lin_wh_${randomBytes(24).toString('base64url')}`,
  multiSignature: false,
  timestampIn: 'body',
  defaultToleranceMs: 60_000,
  payload: (ms) => ({ action: 'create', type: 'Issue', data: { title: 'café ✓' }, webhookTimestamp: ms }),
  sign: (body, _ms, secrets) => ({ 'linear-signature': secrets.map((secret) => linearSignature(secret, body)).join(',') }),
  expectedId: (body) => createHash('sha256').update(body).digest('hex'),
});

describeOracleChecks({
  sender: linear,
  create: createLinearVerifier,
  oracle: linearOracle,
  expected: (request) => ({ id: sha256Hex(request.body), eventType: 'Issue' }),
});

describe('linear: specifics', () => {
  const secret = 'lin_wh_specifics';
  const signed = (payload: unknown) => {
    const body = JSON.stringify(payload);
    return { body, headers: { 'linear-signature': linearSignature(secret, body), 'linear-timestamp': String(NOW) } };
  };

  it('reads the time from the signed body only, never from the linear-timestamp header', async () => {
    const verifier = createLinearVerifier({ secret, now: () => NOW });
    const stale = signed({ type: 'Issue', webhookTimestamp: NOW - 61_000 });
    await expectCode(verifier, stale, 'timestamp_too_old');
    const outcome = await expectCode(verifier, signed({ type: 'Issue' }), 'invalid_body');
    expect(outcome.message).toMatch(/webhookTimestamp/);
  });
});
