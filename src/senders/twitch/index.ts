/**
 * `hookverify/twitch`: verify Twitch EventSub webhook messages.
 *
 * @module
 */
export { twitch } from './sender.js';
export { createTwitchVerifier } from './verifier.js';
