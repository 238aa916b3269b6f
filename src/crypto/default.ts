import type { CryptoBackend } from './backend.js';
import { nodeCryptoBackend } from './node.js';
import { webCryptoBackend } from './web.js';

let chosen: CryptoBackend | undefined;

// Next.js Edge and Vercel's edge-runtime set this global. They may also expose a Node-like
// `process` (a polyfill, or the host's when emulated), but they promise only Web Crypto.
function isEdgeRuntime(): boolean {
  return typeof (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime === 'string';
}

/**
 * node:crypto where the runtime has it, Web Crypto everywhere else (and always on an edge
 * runtime that sets the `EdgeRuntime` global). Chosen once per process.
 *
 * @example
 * ```ts
 * import { defaultCryptoBackend } from 'hookverify';
 *
 * console.log(defaultCryptoBackend().name); // "node" on Node >= 20.16, Bun, Deno; "web" on Next.js Edge
 * ```
 */
export function defaultCryptoBackend(): CryptoBackend {
  chosen ??= (isEdgeRuntime() ? undefined : nodeCryptoBackend()) ?? webCryptoBackend();
  return chosen;
}
