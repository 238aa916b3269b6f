import { describe, expect, it } from 'vitest';
import { bindSender } from '../../../src/core/verify/bind-sender.js';
import { github } from '../../../src/senders/github/index.js';
import { peridio } from '../../../src/senders/peridio/index.js';
import { standardWebhooks } from '../../../src/senders/standard-webhooks/index.js';
import { stripe } from '../../../src/senders/stripe/index.js';

describe('bindSender', () => {
  it('reads each header once, the signature header first, and maps the signed pieces to slots', () => {
    const plan = bindSender(standardWebhooks);
    expect(plan.headerNames).toEqual(['webhook-signature', 'webhook-id', 'webhook-timestamp']);
    expect(plan.pieces).toEqual([1, -2, 2, -2, -1]);
    expect(plan.literals).toEqual(['', '.', '', '.', '']);
    expect(plan).toMatchObject({ timestampSlot: 2, idSlot: 1, eventTypeSlot: -1, timestampField: undefined, computedId: undefined, slotCount: 3 });
    expect(plan.headerFailures[0]![0].message).toMatch(/is this a standard-webhooks delivery/);
    expect(plan.headerFailures[2]!.map((failure) => failure.code)).toEqual(['missing_header', 'malformed_header', 'malformed_header']);
    expect(plan.headerFailures[2]![2].message).toMatch(/webhook-timestamp header was sent more than once/);
  });

  it('gives parameters slots of their own, and reads body fields from the verified payload', () => {
    const plan = bindSender(stripe);
    expect(plan.headerNames).toEqual(['stripe-signature']);
    expect(plan.pieces).toEqual([1, -2, -1]);
    expect(plan).toMatchObject({ timestampSlot: 1, idSlot: -1, slotCount: 2 });
    const peridioPlan = bindSender(peridio);
    expect(peridioPlan).toMatchObject({ timestampSlot: 1, idSlot: -1, steps: [] });
  });

  it('binds a computed id and an event-type header', () => {
    const plan = bindSender(github);
    expect(plan.headerNames).toEqual(['x-hub-signature-256', 'x-github-event']);
    expect(plan).toMatchObject({ eventTypeSlot: 1, computedId: { kind: 'body-digest' }, timestampSlot: -1 });
  });
});
