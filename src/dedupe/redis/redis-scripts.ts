import type { SendCommand } from './redis-client.js';

/** The value of a completed key. Claims hold random UUID tokens, which can never equal it. */
export const COMPLETED = 'completed';

// KEYS[1] key; ARGV[1] token, ARGV[2] completed marker, ARGV[3] retention in ms. Records the
// completion unless another token holds the key: a lapsed lease that nobody took over was
// still processed.
const COMPLETE = `local held = redis.call('GET', KEYS[1])
if held == ARGV[1] or not held then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  return 1
end
if held == ARGV[2] then return 1 end
return 0`;

// KEYS[1] key; ARGV[1] token. Deletes only the caller's own claim.
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

/** A Lua script run with EVALSHA, falling back to EVAL the first time a server lacks it. */
export interface Script {
  run(send: SendCommand, keys: readonly string[], args: readonly string[]): Promise<unknown>;
}

async function sha1Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-1', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function isNoScript(error: unknown): boolean {
  return typeof (error as Error | undefined)?.message === 'string' && (error as Error).message.startsWith('NOSCRIPT');
}

function script(source: string): Script {
  let sha: Promise<string> | undefined;
  return {
    async run(send, keys, args) {
      sha ??= sha1Hex(source);
      const tail = [String(keys.length), ...keys, ...args];
      try {
        return await send(['EVALSHA', await sha, ...tail]);
      } catch (error) {
        // After a restart or SCRIPT FLUSH the server has forgotten the script; EVAL caches it again.
        if (isNoScript(error)) return send(['EVAL', source, ...tail]);
        throw error;
      }
    },
  };
}

export const completeScript = script(COMPLETE);
export const releaseScript = script(RELEASE);
