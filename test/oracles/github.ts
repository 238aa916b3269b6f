// GitHub: `X-Hub-Signature-256: sha256=<hex>` over the raw body, keyed with the secret's UTF-8.
import { sign, verify } from '@octokit/webhooks-methods';
import { accepts, bodyByte, hmac, installed, randomSecret, post, sameKey, text, utf8, type Oracle, type SignInput } from './oracle.js';

const request = (input: SignInput, signature: string) =>
  post(input, { 'x-github-delivery': input.id, 'x-github-event': 'issues', 'x-hub-signature-256': signature });

export const githubOracle: Oracle = {
  name: 'github',
  sdk: installed('@octokit/webhooks-methods'),
  example: {
    id: '72d3162e-cc78-11e3-81ab-4c9367dc0958',
    url: 'https://receiver.example/webhooks/github',
    body: utf8('{"action":"opened","issue":{"number":1347,"title":"café ✓"}}'),
  },
  keys: () => sameKey(randomSecret()),
  reference: { sign: (input) => request(input, `sha256=${hmac('sha256', input.key, [input.body], 'hex')}`) },
  sign: async (input) => request(input, await sign(input.key, text(input.body))),
  verify: (delivery, secret) =>
    accepts(() => verify(secret, text(delivery.body), delivery.headers['x-hub-signature-256'] ?? '')),
  tampers: [bodyByte()],
  vectors: [
    {
      source: 'docs.github.com, "Validating webhook deliveries", section "Testing the webhook payload validation"',
      input: { key: "It's a Secret to Everybody", body: utf8('Hello, World!'), timestamp: 0, id: 'docs', url: 'https://receiver.example/webhooks/github' },
      header: 'x-hub-signature-256',
      value: 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
      verifyingKey: "It's a Secret to Everybody",
      reproducible: true,
    },
  ],
};
