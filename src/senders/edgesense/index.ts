/**
 * `hookverify/edgesense`: verify EdgeSense webhook deliveries.
 *
 * @module
 */
export { EDGESENSE_DEFAULT_SIGNATURE_HEADER, edgesense, edgesenseSender, type EdgeSenseSenderOptions } from './sender.js';
export { createEdgeSenseVerifier, type EdgeSenseVerifierOptions } from './verifier.js';
