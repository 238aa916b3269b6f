/**
 * `hookverify/meta`: verify Meta webhook deliveries (WhatsApp Cloud API, Messenger, Instagram).
 *
 * @module
 */
export { meta } from './sender.js';
export { createMetaVerifier } from './verifier.js';
