import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSlackCommandsVerifier, createSlackVerifier, slack, slackCommands } from '../../../src/senders/slack/index.js';
import { utf8, type SignedRequest } from '../../oracles/oracle.js';
import { slackOracle } from '../../oracles/slack.js';
import { describeConformance, expectCode, NOW } from '../conformance.js';
import { describeOracleChecks, jsonOf, sha256Hex } from '../oracle-checks.js';

/** Slack's scheme with node:crypto: `v0=<hex of HMAC-SHA256("v0:<timestamp>:<body>")>`. */
function slackHeaders(body: string | Uint8Array, ms: number, secret: string): Record<string, string> {
  const timestamp = String(Math.floor(ms / 1000));
  const signature = createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest('hex');
  return { 'x-slack-request-timestamp': timestamp, 'x-slack-signature': `v0=${signature}` };
}

describeConformance({
  name: 'slack',
  sender: slack,
  create: createSlackVerifier,
  secrets: ['8f742231b10e8888abcd99yyyzzz85a5', 'e2ab5b0d1a6a4c8f9b3e7d6c5a4b3c2d'],
  wrongSecret: '0123456789abcdef0123456789abcdef',
  multiSignature: false,
  timestampIn: 'header',
  payload: (ms) => ({ type: 'event_callback', event_id: 'Ev0PV52K21', event_time: Math.floor(ms / 1000), event: { type: 'app_mention', text: 'café ✓' } }),
  sign: (body, ms, secrets) => slackHeaders(body, ms, secrets[0]!),
  expectedId: () => 'Ev0PV52K21',
});

// The Events API posts JSON: the Slack oracle's scheme, over an event instead of its slash command.
const eventsOracle = {
  ...slackOracle,
  example: {
    ...slackOracle.example,
    body: utf8('{"type":"event_callback","event_id":"Ev0PV52K21","event":{"type":"app_mention","text":"café ✓"}}'),
  },
  vectors: [],
};

describeOracleChecks({
  sender: slack,
  create: createSlackVerifier,
  oracle: eventsOracle,
  expected: (request) => ({ id: jsonOf(request).event_id as string, eventType: 'app_mention' }),
});

const formOf = (request: SignedRequest) => Object.assign(Object.create(null), Object.fromEntries(new URLSearchParams(Buffer.from(request.body).toString('utf8'))));

describeOracleChecks({
  sender: slackCommands,
  create: createSlackCommandsVerifier,
  oracle: slackOracle,
  expected: (request) => ({ id: sha256Hex(request.body), eventType: undefined }),
  payload: formOf,
});

describe('slack: specifics', () => {
  const secret = '8f742231b10e8888abcd99yyyzzz85a5';

  it('answers a url_verification request, which has no event id', async () => {
    const body = JSON.stringify({ type: 'url_verification', token: 'x', challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
    const delivery = await createSlackVerifier({ secret, now: () => NOW }).verify({ body, headers: slackHeaders(body, NOW, secret) });
    expect(delivery).toMatchObject({ id: undefined, eventType: undefined, payload: { challenge: expect.any(String) } });
  });

  it('reads a slash command as form fields, and refuses one signed with another secret', async () => {
    const body = 'command=%2Fweather&text=caf%C3%A9+%E2%9C%93&trigger_id=1.2.3';
    const verifier = createSlackCommandsVerifier({ secret, now: () => NOW });
    await expect(verifier.verify({ body, headers: slackHeaders(body, NOW, secret) })).resolves.toMatchObject({
      payload: { command: '/weather', text: 'café ✓' },
      id: sha256Hex(utf8(body)),
    });
    await expectCode(verifier, { body, headers: slackHeaders(body, NOW, 'another-secret') }, 'invalid_signature');
  });
});
