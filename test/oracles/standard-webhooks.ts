// Standard Webhooks (Svix, Clerk, Resend and others): `webhook-id`, `webhook-timestamp` (Unix
// seconds) and `webhook-signature` headers; the signed bytes are `<id>.<timestamp>.<body>`.
// v1 is HMAC-SHA256 keyed with the base64 after `whsec_`; v1a is Ed25519 with `whsk_`/`whpk_` keys.
import { verifyKey } from 'discord-interactions';
import { Webhook } from 'standardwebhooks';
import { accepts, bodyByte, concat, ed25519Keys, ed25519Sign, header, headerByte, hmac, installed, randomSecret, post, sameKey, utf8, type Oracle, type SignInput } from './oracle.js';

const request = (input: SignInput, signature: string) =>
  post(input, { 'webhook-id': input.id, 'webhook-timestamp': String(input.timestamp), 'webhook-signature': signature });

const signedContent = (input: SignInput) => concat(`${input.id}.${input.timestamp}.`, input.body);

const example = {
  id: 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W',
  url: 'https://receiver.example/webhooks/standard',
  body: utf8('{"type":"contact.created","timestamp":"2022-11-03T20:26:10.344522Z","data":{"name":"café ✓"}}'),
};

const tampers = [bodyByte(), headerByte('webhook-id'), headerByte('webhook-timestamp')];

export const standardWebhooksV1Oracle: Oracle = {
  name: 'standard-webhooks-v1',
  sdk: installed('standardwebhooks'),
  example,
  keys: () => sameKey(randomSecret('whsec_', 32, 'base64')),
  reference: {
    sign: (input) => {
      const key = Buffer.from(input.key.slice('whsec_'.length), 'base64');
      return request(input, `v1,${hmac('sha256', key, [signedContent(input)], 'base64')}`);
    },
  },
  sign: async (input) =>
    request(input, new Webhook(input.key).sign(input.id, new Date(input.timestamp * 1000), Buffer.from(input.body))),
  verify: (delivery, secret) => accepts(() => new Webhook(secret).verify(Buffer.from(delivery.body), delivery.headers)),
  replayWindow: { past: 300, future: 300 },
  tampers,
  vectors: [
    {
      source:
        'github.com/standard-webhooks/standard-webhooks, libraries/javascript/src/webhook.test.ts "sign function works" (the same vector in the Go, Python and other reference libraries)',
      input: {
        key: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
        timestamp: 1614265330,
        body: utf8('{"test": 2432232314}'),
        url: example.url,
      },
      header: 'webhook-signature',
      value: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
      verifyingKey: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      reproducible: true,
    },
  ],
};

export const standardWebhooksV1aOracle: Oracle = {
  name: 'standard-webhooks-v1a',
  sdk: null,
  example,
  keys: () => {
    // The spec says only "base64 encoded" for whsk_: the raw 32-byte seed is an assumption
    // (libsodium's secret keys are 64 bytes, seed then public key).
    const { seed, publicKey } = ed25519Keys();
    return { signingKey: `whsk_${seed.toString('base64')}`, verifyingKey: `whpk_${publicKey.toString('base64')}` };
  },
  reference: {
    sign: (input) => {
      const seed = Buffer.from(input.key.slice('whsk_'.length), 'base64');
      return request(input, `v1a,${ed25519Sign(seed, signedContent(input)).toString('base64')}`);
    },
  },
  crossCheck: {
    // Discord signs `<timestamp><body>` with Ed25519 and verifies through Web Crypto; handing it
    // `<id>.<ts>.` as the "timestamp" makes its message exactly the v1a signed content.
    by: `${installed('discord-interactions')} verifyKey (Web Crypto Ed25519)`,
    verify: async (delivery, publicKey) => {
      const [version, signature] = header(delivery, 'webhook-signature').split(',');
      if (version !== 'v1a' || signature === undefined) return false;
      const prefix = `${header(delivery, 'webhook-id')}.${header(delivery, 'webhook-timestamp')}.`;
      const keyHex = Buffer.from(publicKey.slice('whpk_'.length), 'base64').toString('hex');
      return verifyKey(delivery.body, Buffer.from(signature, 'base64').toString('hex'), prefix, keyHex);
    },
  },
  tampers,
  vectors: [],
};
