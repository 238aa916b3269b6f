// Slack: `X-Slack-Signature: v0=<hex>` over `v0:<X-Slack-Request-Timestamp>:<body>`, keyed with
// the signing secret's UTF-8. Slash commands and interactivity post forms, the Events API JSON.
import { bodyByte, headerByte, hmac, installed, post, randomSecret, sameKey, utf8, type Oracle } from './oracle.js';
import { slackShapedVerify } from './twins.js';

// The Slack documentation's worked example: a slash command, form-encoded.
const DOCS_BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';

export const slackOracle: Oracle = {
  name: 'slack',
  sdk: installed('@slack/bolt'),
  example: {
    id: 'unused',
    url: 'https://receiver.example/slack/commands',
    body: utf8('token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T0001&command=%2Fweather&text=caf%C3%A9+%E2%9C%93&trigger_id=13345224609.738474920.8088930838d88f008e0'),
  },
  keys: () => sameKey(randomSecret('', 16)),
  reference: {
    sign: (input) =>
      post(input, {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(input.timestamp),
        'x-slack-signature': `v0=${hmac('sha256', input.key, [`v0:${input.timestamp}:`, input.body], 'hex')}`,
      }),
  },
  verify: slackShapedVerify('x-slack-signature', 'x-slack-request-timestamp'),
  replayWindow: { past: 300, future: null },
  tampers: [bodyByte(), headerByte('x-slack-request-timestamp')],
  vectors: [
    {
      source: 'docs.slack.dev/authentication/verifying-requests-from-slack, the step-by-step walk-through',
      input: { key: '8f742231b10e8888abcd99yyyzzz85a5', timestamp: 1531420618, body: utf8(DOCS_BODY), id: 'unused', url: 'https://receiver.example/slack/commands' },
      header: 'x-slack-signature',
      value: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
      verifyingKey: '8f742231b10e8888abcd99yyyzzz85a5',
      reproducible: true,
    },
  ],
};
