import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createDiscordVerifier, discord } from '../../../src/senders/discord/index.js';
import { discordOracle } from '../../oracles/discord.js';
import { describeConformance } from '../conformance.js';
import { describeVendorChecks, oracleSigner } from '../vendor-checks.js';

// PKCS #8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410): what signDelivery takes.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const privateKey = (seedHex: string) => new Uint8Array(Buffer.concat([ED25519_PKCS8_PREFIX, Buffer.from(seedHex, 'hex')]));

describeVendorChecks({ sender: discord, create: createDiscordVerifier, oracle: discordOracle, privateKey });

// Two application keys and a third, unconfigured one: public key (hex) -> seed (hex).
const seeds = new Map(Array.from({ length: 3 }, () => discordOracle.keys()).map((pair) => [pair.verifyingKey, pair.signingKey]));
const [keyA, keyB, wrongKey] = [...seeds.keys()] as [string, string, string];
const seedOf = (publicKey: string) => seeds.get(publicKey)!;

describeConformance({
  name: 'discord',
  sender: discord,
  create: createDiscordVerifier,
  secrets: [keyA, keyB],
  wrongSecret: wrongKey,
  signingKey: (publicKey) => privateKey(seedOf(publicKey)),
  multiSignature: false,
  timestampIn: 'header',
  payload: (ms) => ({ type: 2, id: '1234567890123456789', application_id: '987654321098765432', data: { name: 'ping', sent: new Date(ms).toISOString() } }),
  sign: oracleSigner(discordOracle, discord, seedOf),
  expectedId: (body) => createHash('sha256').update(body).digest('hex'),
});

describe('discord: definition', () => {
  it('signs the timestamp header and the body, bounds replays with the signed timestamp, dedupes on the body digest', () => {
    expect(discord.signedParts.map((part) => part.label)).toEqual(['the x-signature-timestamp header', 'the body']);
    expect(discord.algorithm.label).toBe('Ed25519');
    expect(discord.algorithm.key.public).toBe(true);
    expect(discord.replayProtection).toBe('timestamp');
    expect(discord.authenticated).toBe('body');
    expect(discord.id?.kind).toBe('body-digest');
  });
});
