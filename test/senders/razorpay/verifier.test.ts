import { describe, expect, it } from 'vitest';
import { createRazorpayVerifier, razorpay } from '../../../src/senders/razorpay/index.js';
import { razorpayOracle } from '../../oracles/razorpay.js';
import { describeConformance } from '../conformance.js';
import { conformanceCase, describeVendorChecks, SIGNED_AT, type VendorCase } from '../vendor-checks.js';

const vendor: VendorCase = { sender: razorpay, create: createRazorpayVerifier, oracle: razorpayOracle, unsignedHeaders: ['x-razorpay-event-id'] };
describeVendorChecks(vendor);

describeConformance(conformanceCase(vendor, (ms) => ({ entity: 'event', event: 'payment.captured', payload: { payment: { entity: { id: 'pay_DESlfW9H8K9uqM' } } }, created_at: Math.floor(ms / 1000) })));

describe('razorpay: the event type', () => {
  it('is the body’s "event", signed with the body', async () => {
    expect(razorpay.eventType).toMatchObject({ kind: 'body-field', path: 'event' });
    expect(razorpay.unsignedEventTypeAllowsRelabeling).toBe(false);
    const key = razorpayOracle.keys().signingKey;
    const signed = razorpayOracle.reference.sign({ ...razorpayOracle.example, key, timestamp: SIGNED_AT });
    await expect(createRazorpayVerifier({ secret: key }).verify(signed)).resolves.toMatchObject({ eventType: 'payment.captured' });
  });
});
