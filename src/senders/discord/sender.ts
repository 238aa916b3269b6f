import { ed25519 } from '../../core/scheme/algorithms/ed25519.js';
import { assembleSender } from '../../core/scheme/assemble-sender.js';
import { hex } from '../../core/scheme/encodings/hex.js';
import { bodyDigest } from '../../core/scheme/ids/body-digest.js';
import { hexPublicKey } from '../../core/scheme/keys/hex-public-key.js';
import { trustedSignatureHeader } from '../../core/scheme/signatures/signature-header.js';
import { body } from '../../core/scheme/sources/body.js';
import { trustedHeader } from '../../core/scheme/sources/header.js';
import { unixSeconds } from '../../core/scheme/timestamps/unix-seconds.js';

const timestamp = /* @__PURE__ */ trustedHeader('x-signature-timestamp');

/**
 * Discord interactions and webhook events, as discord-interactions 4.4.0 (`verifyKey`) checks
 * them: `X-Signature-Ed25519` is the hex Ed25519 signature of the `X-Signature-Timestamp` value
 * (Unix seconds) immediately followed by the raw body, verified with the application's public
 * key (64 hex characters, from the developer portal); nobody but Discord can sign.
 *
 * The timestamp is signed, so it bounds replays. The SDK does not check its age at all; hookverify
 * uses its usual 5-minute window both ways (`tolerance` changes it). Interactions carry an `id`
 * but webhook events do not, so the dedupe id is the SHA-256 of the signed body, present on both.
 * A PING (`"type":1`) still has to be answered by your handler: `{"type":1}` for interactions,
 * 204 for webhook events (Discord's documentation).
 *
 * @example
 * ```ts
 * import { discord } from 'hookverify/discord';
 * import { createVerifier } from 'hookverify';
 *
 * const verifier = createVerifier(discord, { secret: process.env.DISCORD_PUBLIC_KEY });
 * ```
 */
export const discord = /* @__PURE__ */ assembleSender({
  name: 'discord',
  signatures: trustedSignatureHeader({ header: 'x-signature-ed25519', encoding: hex }),
  signed: [timestamp, body],
  algorithm: ed25519(hexPublicKey),
  timestamp: unixSeconds(timestamp),
  id: bodyDigest,
});
