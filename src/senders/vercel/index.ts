/**
 * `hookverify/vercel`: verify Vercel webhooks.
 *
 * @module
 */
export { vercel } from './sender.js';
export { createVercelVerifier } from './verifier.js';
