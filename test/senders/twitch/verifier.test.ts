import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTwitchVerifier, twitch } from '../../../src/senders/twitch/index.js';
import { withHeader } from '../../oracles/oracle.js';
import { twitchOracle } from '../../oracles/twitch.js';
import { describeConformance, expectCode } from '../conformance.js';
import { describeOracleChecks } from '../oracle-checks.js';

const ID = 'befa7b53-d79d-478f-86b9-120f112b044e';

/** Twitch's documented algorithm: `sha256=` + hex HMAC-SHA256 of id + timestamp + body. */
const twitchSignature = (secret: string, id: string, timestamp: string, body: string | Uint8Array) =>
  `sha256=${createHmac('sha256', secret).update(id + timestamp).update(body).digest('hex')}`;

/** RFC 3339 with nanoseconds, as Twitch writes it. */
const nanos = (ms: number) => `${new Date(ms).toISOString().slice(0, 23)}123456Z`;

describeOracleChecks({
  sender: twitch,
  create: (options) => createTwitchVerifier(options),
  oracle: twitchOracle,
  expected: (request) => ({ id: request.headers['twitch-eventsub-message-id'], eventType: 'channel.follow' }),
  documentedToleranceMs: 600_000,
  signsOtherwise: 'the reference writes nine fractional digits as Twitch does; hookverify/testing writes whole seconds',
  // The oracle's tamper turns the final "Z" into a letter: no longer a date, so refused before any HMAC.
  tamperCodes: { 'one character of twitch-eventsub-message-timestamp': 'malformed_header' },
  tampers: [
    {
      what: 'the last nanosecond digit of twitch-eventsub-message-timestamp',
      refused: true,
      apply: (request) => withHeader(request, 'twitch-eventsub-message-timestamp', request.headers['twitch-eventsub-message-timestamp']!.replace(/0Z$/, '1Z')),
    },
  ],
});

describeConformance({
  name: 'twitch',
  sender: twitch,
  create: createTwitchVerifier,
  secrets: [randomBytes(20).toString('hex'), randomBytes(20).toString('hex')],
  wrongSecret: randomBytes(20).toString('hex'),
  multiSignature: false,
  timestampIn: 'header',
  defaultToleranceMs: 600_000,
  payload: () => ({ subscription: { id: randomUUID(), type: 'channel.follow', version: '2' }, event: { user_login: 'cool_user' } }),
  sign: (body, ms, [secret]) => {
    // Whole seconds are written without a fraction, as hookverify/testing writes them.
    const timestamp = new Date(ms).toISOString().replace('.000Z', 'Z');
    return { 'twitch-eventsub-message-id': ID, 'twitch-eventsub-message-timestamp': timestamp, 'twitch-eventsub-message-signature': twitchSignature(secret!, ID, timestamp, body) };
  },
  expectedId: (_body, headers) => headers['twitch-eventsub-message-id'],
});

describe('twitch: message headers', () => {
  const secret = randomBytes(20).toString('hex');
  const now = Date.UTC(2026, 10, 23, 12);
  const body = '{"challenge":"pogchamp-kappa-360noscope-vohiyo","subscription":{"type":"channel.follow"}}';

  it('signs the nanosecond timestamp exactly as sent, and reads it to the millisecond', async () => {
    const timestamp = nanos(now);
    const headers = { 'twitch-eventsub-message-id': ID, 'twitch-eventsub-message-timestamp': timestamp, 'twitch-eventsub-message-signature': twitchSignature(secret, ID, timestamp, body) };
    const delivery = await createTwitchVerifier({ secret, now: () => now }).verify({ body, headers });
    expect(delivery.timestamp?.toISOString()).toBe(new Date(now).toISOString());
    expect((delivery.payload as { challenge: string }).challenge).toBe('pogchamp-kappa-360noscope-vohiyo');
    const trimmed = { ...headers, 'twitch-eventsub-message-timestamp': new Date(now).toISOString() };
    await expectCode(createTwitchVerifier({ secret, now: () => now }), { body, headers: trimmed }, 'invalid_signature');
  });

  it('does not read the unsigned message-type header: relabelling a message changes nothing', async () => {
    const timestamp = nanos(now);
    const headers = { 'twitch-eventsub-message-id': ID, 'twitch-eventsub-message-timestamp': timestamp, 'twitch-eventsub-message-signature': twitchSignature(secret, ID, timestamp, body) };
    const verifier = createTwitchVerifier({ secret, now: () => now });
    const plain = await verifier.verify({ body, headers });
    const relabelled = await verifier.verify({ body, headers: { ...headers, 'twitch-eventsub-message-type': 'revocation' } });
    expect(relabelled).toEqual(plain);
  });
});
