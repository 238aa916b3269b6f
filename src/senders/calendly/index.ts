/**
 * `hookverify/calendly`: verify Calendly webhook deliveries.
 *
 * @module
 */
export { calendly } from './sender.js';
export { createCalendlyVerifier } from './verifier.js';
