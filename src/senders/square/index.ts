/**
 * `hookverify/square`: verify Square webhook deliveries.
 *
 * @module
 */
export { square } from './sender.js';
export { createSquareVerifier, type SquareVerifierOptions } from './verifier.js';
