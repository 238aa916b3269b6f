import { describe, expectTypeOf, it } from 'vitest';
import type { DedupeRunner } from '../../src/core/pipeline/create-webhook-receiver.js';
import type { VerifiedDelivery } from '../../src/core/verifier.js';
import { createDeduplicator, type DedupeOutcome, type Deduplicator } from '../../src/dedupe/index.js';

declare const delivery: VerifiedDelivery<{ prn: string }>;

describe('Deduplicator types', () => {
  it('takes a verified delivery and infers the handler result, unwrapping promises', async () => {
    const outcome = await createDeduplicator().run(delivery, async () => 42);
    expectTypeOf(outcome).toEqualTypeOf<DedupeOutcome<number>>();
    if (outcome.status === 'processed') expectTypeOf(outcome.result).toEqualTypeOf<number>();
    // @ts-expect-error: only a processed outcome carries a result
    void outcome.result;
  });

  it('fits the receiving pipeline', () => {
    expectTypeOf<Deduplicator>().toMatchTypeOf<DedupeRunner>();
  });
});
