// Discord interactions and webhook events: `X-Signature-Ed25519: <hex>` over
// `<X-Signature-Timestamp><body>` (no separator), verified with the application's public key
// (hex, 32 bytes). Discord never hands out the private key; the seed here is ours.
import { verifyKey } from 'discord-interactions';
import { bodyByte, concat, ed25519Keys, ed25519Sign, headerByte, installed, post, utf8, type Oracle } from './oracle.js';

export const discordOracle: Oracle = {
  name: 'discord',
  sdk: installed('discord-interactions'),
  example: {
    id: '1234567890123456789',
    url: 'https://receiver.example/discord/interactions',
    body: utf8('{"type":2,"id":"1234567890123456789","application_id":"987654321098765432","data":{"name":"café ✓"}}'),
  },
  keys: () => {
    const { seed, publicKey } = ed25519Keys();
    return { signingKey: seed.toString('hex'), verifyingKey: publicKey.toString('hex') };
  },
  reference: {
    sign: (input) =>
      post(input, {
        'x-signature-timestamp': String(input.timestamp),
        'x-signature-ed25519': ed25519Sign(Buffer.from(input.key, 'hex'), concat(String(input.timestamp), input.body)).toString('hex'),
      }),
  },
  verify: (delivery, publicKey) =>
    verifyKey(delivery.body, delivery.headers['x-signature-ed25519'] ?? '', delivery.headers['x-signature-timestamp'] ?? '', publicKey),
  replayWindow: { past: null, future: null },
  tampers: [bodyByte(), headerByte('x-signature-timestamp')],
  vectors: [],
};
