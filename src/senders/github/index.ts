/**
 * `hookverify/github`: verify GitHub webhook deliveries.
 *
 * @module
 */
export { github } from './sender.js';
export { createGitHubVerifier } from './verifier.js';
