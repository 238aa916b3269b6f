import type { CryptoBackend } from './backend.js';
import { nodeCryptoBackend } from './node.js';
import { webCryptoBackend } from './web.js';

let chosen: CryptoBackend | undefined;

/**
 * node:crypto where the runtime has it, Web Crypto everywhere else. Chosen once per process.
 *
 * @example
 * ```ts
 * import { defaultCryptoBackend } from 'hookverify';
 *
 * console.log(defaultCryptoBackend().name); // "node" on Node >= 20.16, "web" on Workers
 * ```
 */
export function defaultCryptoBackend(): CryptoBackend {
  chosen ??= nodeCryptoBackend() ?? webCryptoBackend();
  return chosen;
}
