import { expect, it } from 'vitest';
import { formatSummary, summarize, type DeliveryResult } from '../../src/cli/send-summary.js';

const result = (status: number | undefined, ms: number, extra: Partial<DeliveryResult> = {}): DeliveryResult => ({
  retry: false,
  status,
  error: status === undefined ? 'ECONNRESET' : undefined,
  ms,
  answer: undefined,
  ...extra,
});

it('counts statuses for first deliveries and retries apart, and takes latency percentiles over answers only', () => {
  const results = [
    ...Array.from({ length: 18 }, (_, i) => result(200, i + 1)),
    result(409, 100, { retry: true, answer: 'duplicate in flight' }),
    result(undefined, 5000, { retry: true }),
  ];
  const summary = summarize(results, 2000);
  expect(summary).toMatchObject({
    deliveries: 20,
    events: 18,
    retries: 2,
    statuses: { '200': 18, '409': 1, error: 1 },
    firstDeliveries: { '200': 18 },
    retryStatuses: { '409': 1, error: 1 },
    examples: { '409': 'duplicate in flight', error: 'ECONNRESET' },
    perSecond: 10,
    latencyMs: { p50: 10, p95: 100, max: 100 },
  });
  const lines = formatSummary(summary, 'http://h/');
  expect(lines[0]).toBe('sent 20 deliveries (18 events + 2 retries) to http://h/ in 2.00s (10/s)');
  expect(lines).toContain('  409   x 1  (first deliveries 0, retries 1)');
  expect(lines).toContain('first 409 answer: duplicate in flight');
  expect(lines).toContain('first error: ECONNRESET');
});
