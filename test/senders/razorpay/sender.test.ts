import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRazorpayVerifier, razorpay } from '../../../src/senders/razorpay/index.js';
import { razorpayOracle } from '../../oracles/razorpay.js';
import { describeConformance } from '../conformance.js';
import { describeVendorChecks, oracleSigner, SIGNED_AT } from '../vendor-checks.js';

describeVendorChecks({ sender: razorpay, create: createRazorpayVerifier, oracle: razorpayOracle, unsignedHeaders: ['x-razorpay-event-id'] });

describeConformance({
  name: 'razorpay',
  sender: razorpay,
  create: createRazorpayVerifier,
  secrets: [razorpayOracle.keys().signingKey, razorpayOracle.keys().signingKey],
  wrongSecret: razorpayOracle.keys().signingKey,
  multiSignature: false,
  timestampIn: 'none',
  payload: (ms) => ({ entity: 'event', event: 'payment.captured', payload: { payment: { entity: { id: 'pay_DESlfW9H8K9uqM' } } }, created_at: Math.floor(ms / 1000) }),
  sign: oracleSigner(razorpayOracle, razorpay),
  expectedId: (body) => createHash('sha256').update(body).digest('hex'),
});

describe('razorpay: the event type', () => {
  it('is the body’s "event", signed with the body', async () => {
    expect(razorpay.eventType).toMatchObject({ kind: 'body-field', path: 'event' });
    expect(razorpay.unsignedEventTypeAllowsRelabeling).toBe(false);
    const key = razorpayOracle.keys().signingKey;
    const signed = razorpayOracle.reference.sign({ ...razorpayOracle.example, key, timestamp: SIGNED_AT });
    await expect(createRazorpayVerifier({ secret: key }).verify(signed)).resolves.toMatchObject({ eventType: 'payment.captured' });
  });
});
