/**
 * `hookverify/discord`: verify Discord interactions and webhook events (Ed25519).
 *
 * @module
 */
export { discord } from './sender.js';
export { createDiscordVerifier } from './verifier.js';
