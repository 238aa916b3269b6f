// Zoom: `x-zm-signature: v0=<hex HMAC-SHA256>` over `v0:<x-zm-request-timestamp>:<body>`, keyed
// with the app's secret token (UTF-8): byte for byte Slack's scheme under other header names.
// Registering an endpoint sends a signed `endpoint.url_validation` event whose
// `payload.plainToken` must be answered with `encryptedToken` = hex HMAC-SHA256(secret, plainToken).
import { AwsLambdaReceiver } from '@zoom/rivet/users';
import { bodyByte, headerByte, hmac, installed, post, randomSecret, sameKey, text, utf8, type Oracle, type SignInput, type SignedRequest } from './oracle.js';
import { slackShapedVerify } from './twins.js';

type LambdaHandler = (
  event: { body: string; headers: Record<string, string>; isBase64Encoded: boolean },
  context: object,
) => Promise<{ statusCode: number; body: string }>;

// Rivet ships only receivers; its AWS Lambda receiver is the one that takes a request as data.
// It logs every event it processes at debug level, which is silenced here.
async function rivet(delivery: SignedRequest, secret: string): Promise<{ statusCode: number; body: string }> {
  const handler = new AwsLambdaReceiver({ webhooksSecretToken: secret }).start() as unknown as LambdaHandler;
  const debug = console.debug;
  console.debug = () => {};
  try {
    return await handler({ body: text(delivery.body), headers: delivery.headers, isBase64Encoded: false }, {});
  } finally {
    console.debug = debug;
  }
}

function sign(input: SignInput): SignedRequest {
  return post(input, {
    'content-type': 'application/json; charset=utf-8',
    'x-zm-request-timestamp': String(input.timestamp),
    'x-zm-signature': `v0=${hmac('sha256', input.key, [`v0:${input.timestamp}:`, input.body], 'hex')}`,
    'x-zm-trackingid': input.id,
  });
}

export const zoomOracle: Oracle = {
  name: 'zoom',
  sdk: installed('@zoom/rivet'),
  example: {
    id: 'v=2.0;clid=aw1;rid=WEB_879c1b4b7c9a62b0ae2e3a8a',
    url: 'https://receiver.example/webhooks/zoom',
    // Compact, as Zoom sends it: Rivet verifies JSON.stringify(JSON.parse(body)), not the raw bytes.
    body: utf8('{"event":"meeting.started","event_ts":1626230691572,"payload":{"account_id":"AAAAAABBBB","object":{"id":"1234567890","topic":"café ✓"}}}'),
  },
  keys: () => sameKey(randomSecret('', 11, 'base64url')),
  reference: { sign },
  verify: async (delivery, secret) => (await rivet(delivery, secret)).statusCode === 200,
  crossCheck: {
    by: `${installed('@slack/bolt')} verifySlackRequest (Slack signs v0:<ts>:<body> into v0=<hex> too)`,
    verify: slackShapedVerify('x-zm-signature', 'x-zm-request-timestamp'),
  },
  replayWindow: { past: null, future: null },
  tampers: [bodyByte(), headerByte('x-zm-request-timestamp')],
  vectors: [],
};

/** The endpoint.url_validation challenge: the reference answer, and Rivet's. */
export const zoomUrlValidation = {
  reference: (secret: string, plainToken: string) => ({ plainToken, encryptedToken: hmac('sha256', secret, [plainToken], 'hex') }),
  async sdk(secret: string, plainToken: string, timestamp: number): Promise<unknown> {
    const body = utf8(JSON.stringify({ payload: { plainToken }, event_ts: timestamp * 1000, event: 'endpoint.url_validation' }));
    const response = await rivet(sign({ key: secret, body, timestamp, id: 'validation', url: zoomOracle.example.url }), secret);
    return JSON.parse(response.body) as unknown;
  },
};
