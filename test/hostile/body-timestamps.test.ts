// Senders that put the signing time in the body as a Unix number: the number is read in the
// sender's unit, and numbers that are no instant at all are refused.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defineSender } from '../../src/core/sender.js';
import { createVerifier } from '../../src/core/verifier.js';

const NOW = Date.UTC(2026, 10, 23, 12);
const senderIn = (format: 'unix-seconds' | 'unix-millis') =>
  defineSender({
    name: `body-${format}`,
    signature: { header: 'x-signature', encoding: 'hex' },
    signedContent: '{body}',
    secretEncoding: 'utf8',
    timestamp: { bodyField: 'meta.sent_at', format },
  });

async function outcomeFor(format: 'unix-seconds' | 'unix-millis', sentAt: string) {
  const body = `{"meta":{"sent_at":${sentAt}}}`;
  const verifier = createVerifier(senderIn(format), { secret: 'secret', now: () => NOW });
  const headers = { 'x-signature': createHmac('sha256', 'secret').update(body).digest('hex') };
  const outcome = await verifier.safeVerify({ body, headers });
  return outcome.ok ? `ok ${outcome.delivery.timestamp?.toISOString()}` : outcome.code;
}

describe('a Unix timestamp in the body', () => {
  it.each([
    ['unix-seconds', String(NOW / 1000 - 30), 'ok 2026-11-23T11:59:30.000Z'],
    ['unix-seconds', `"${NOW / 1000 - 30}"`, 'ok 2026-11-23T11:59:30.000Z'],
    ['unix-millis', String(NOW - 30_000), 'ok 2026-11-23T11:59:30.000Z'],
    ['unix-millis', `"${NOW - 30_000}"`, 'ok 2026-11-23T11:59:30.000Z'],
    ['unix-seconds', String(NOW), 'timestamp_in_future'], // milliseconds where seconds are expected
    ['unix-millis', String(NOW / 1000), 'timestamp_too_old'], // seconds where milliseconds are expected
    ['unix-seconds', '-5', 'timestamp_too_old'],
    ['unix-seconds', '1e400', 'invalid_body'], // JSON's Infinity
    ['unix-seconds', '"NaN"', 'invalid_body'],
    ['unix-seconds', 'null', 'invalid_body'],
    ['unix-seconds', '"2026-11-23T12:00:00Z"', 'invalid_body'],
  ] as const)('%s %s -> %s', async (format, sentAt, expected) => {
    expect(await outcomeFor(format, sentAt)).toBe(expected);
  });
});
