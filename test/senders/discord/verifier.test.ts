import { describe, expect, it } from 'vitest';
import { createDiscordVerifier, discord } from '../../../src/senders/discord/index.js';
import { discordOracle } from '../../oracles/discord.js';
import { describeConformance } from '../conformance.js';
import { conformanceCase, describeVendorChecks, type VendorCase } from '../vendor-checks.js';

// PKCS #8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410): what signDelivery takes.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const privateKey = (seedHex: string) => new Uint8Array(Buffer.concat([ED25519_PKCS8_PREFIX, Buffer.from(seedHex, 'hex')]));

const vendor: VendorCase = { sender: discord, create: createDiscordVerifier, oracle: discordOracle, privateKey };
describeVendorChecks(vendor);
describeConformance(
  conformanceCase(vendor, (ms) => ({ type: 2, id: '1234567890123456789', application_id: '987654321098765432', data: { name: 'ping', sent: new Date(ms).toISOString() } })),
);

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
