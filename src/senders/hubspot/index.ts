/**
 * `hookverify/hubspot`: verify HubSpot webhook and workflow requests (signature v3).
 *
 * @module
 */
export { hubspot } from './sender.js';
export { createHubSpotVerifier } from './verifier.js';
