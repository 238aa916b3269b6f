import type { CryptoBackend, HmacHash } from './backend.js';

// The subset of node:crypto used here, typed locally so the published types need no @types/node.
interface NodeHmac {
  update(data: string | Uint8Array): NodeHmac;
  digest(): Uint8Array;
}
interface NodeCrypto {
  createSecretKey(key: Uint8Array): unknown;
  createHmac(algorithm: HmacHash, key: unknown): NodeHmac;
  createHash(algorithm: 'sha256'): NodeHmac;
  timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean;
  createPublicKey(options: { key: Uint8Array; format: 'der'; type: 'spki' }): unknown;
  verify(algorithm: string | null, data: Uint8Array, key: unknown, signature: Uint8Array): boolean;
}
export type { NodeCrypto };

type BuiltinLoader = (id: string) => unknown;

/**
 * Loads node:crypto without an import statement, so that bundlers for edge runtimes never see
 * a `node:` specifier. `process.getBuiltinModule` exists from Node 20.16, in Bun and Deno, and in
 * Cloudflare Workers on recent compatibility dates.
 */
export function loadNodeCrypto(): NodeCrypto | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: BuiltinLoader } }).process;
  const load = proc?.getBuiltinModule;
  if (typeof load !== 'function') return undefined;
  try {
    return load.call(proc, 'node:crypto') as NodeCrypto | undefined;
  } catch {
    return undefined;
  }
}

/**
 * The node:crypto backend, or `undefined` where node:crypto is not available.
 *
 * @example
 * ```ts
 * import { nodeCryptoBackend } from 'hookverify';
 *
 * const backend = nodeCryptoBackend(); // undefined where process.getBuiltinModule is missing
 * ```
 */
export function nodeCryptoBackend(): CryptoBackend | undefined {
  const crypto = loadNodeCrypto();
  if (!crypto) return undefined;
  function hmac(hash: HmacHash, key: unknown, parts: readonly (string | Uint8Array)[]): Uint8Array {
    const mac = crypto!.createHmac(hash, key);
    for (let i = 0; i < parts.length; i++) mac.update(parts[i]!);
    return mac.digest();
  }
  return {
    name: 'node',
    importHmacKey: (raw) => crypto.createSecretKey(raw),
    hmacSha256: (key, parts) => hmac('sha256', key, parts),
    hmac,
    sha256: (data) => crypto.createHash('sha256').update(data).digest(),
    timingSafeEqual: (a, b) => a.byteLength === b.byteLength && crypto.timingSafeEqual(a, b),
  };
}
