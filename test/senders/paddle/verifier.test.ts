import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPaddleVerifier, paddle } from '../../../src/senders/paddle/index.js';
import { paddleOracle } from '../../oracles/paddle.js';
import { describeConformance, NOW } from '../conformance.js';
import { describeOracleChecks, jsonOf } from '../oracle-checks.js';
import { timestampedParameters } from '../reference-signers.js';

const EVENT_ID = 'evt_01hv8x2acma2gz6he7m1yy7a5n';

/** Paddle's scheme: `ts=<s>;h1=<hex of HMAC-SHA256("<ts>:<body>")>`, one h1 per secret. */
const paddleSignature = timestampedParameters({ time: 'ts', signature: 'h1', pairSeparator: ';', between: ':' });

describeConformance({
  name: 'paddle',
  sender: paddle,
  create: createPaddleVerifier,
  secrets: [`pdl_ntfset_01hv8x2ab_${randomBytes(24).toString('base64url')}`, `pdl_ntfset_01hv8x2ac_${randomBytes(24).toString('base64url')}`],
  wrongSecret: `pdl_ntfset_01hv8x2ad_${randomBytes(24).toString('base64url')}`,
  multiSignature: true,
  timestampIn: 'header',
  defaultToleranceMs: 5_000,
  payload: (ms) => ({ event_id: EVENT_ID, event_type: 'transaction.paid', occurred_at: new Date(ms).toISOString(), data: { id: 'txn_1' } }),
  sign: (body, ms, secrets) => ({ 'paddle-signature': paddleSignature(body, ms, secrets) }),
  expectedId: () => EVENT_ID,
});

describeOracleChecks({
  sender: paddle,
  create: createPaddleVerifier,
  oracle: paddleOracle,
  expected: (request) => ({ id: jsonOf(request).event_id as string, eventType: 'transaction.paid' }),
});

describe('paddle: specifics', () => {
  it('accepts the right h1 wherever it stands, where the SDK reads only the last one', async () => {
    const secret = 'pdl_ntfset_specifics';
    const body = JSON.stringify({ event_id: EVENT_ID, event_type: 'transaction.paid' });
    const verifier = createPaddleVerifier({ secret, now: () => NOW });
    const header = paddleSignature(body, NOW, [secret, 'pdl_ntfset_other']);
    await expect(verifier.verify({ body, headers: { 'paddle-signature': header } })).resolves.toMatchObject({ id: EVENT_ID });
  });
});
