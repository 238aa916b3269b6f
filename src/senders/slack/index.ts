/**
 * `hookverify/slack`: verify Slack requests (Events API, slash commands, interactivity).
 *
 * @module
 */
export { slack, slackCommands } from './sender.js';
export { createSlackCommandsVerifier, createSlackVerifier } from './verifier.js';
