import { ConfigurationError } from '../../core/errors.js';
import type { ClaimResult, DedupeStore } from '../store.js';
import { commandSender, type RedisClientLike, type SendCommand } from './redis-client.js';
import { COMPLETED, completeScript, releaseScript } from './redis-scripts.js';

/**
 * Options of {@link createRedisStore}.
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis';
 * import { createRedisStore, type RedisStoreOptions } from 'hookverify/redis';
 *
 * const options: RedisStoreOptions = { client: new Redis(process.env.REDIS_URL!), prefix: 'myapp:dedupe:' };
 * const store = createRedisStore(options);
 * ```
 */
export interface RedisStoreOptions {
  /**
   * A connected ioredis (`new Redis(url)`) or node-redis (`await createClient({ url }).connect()`)
   * client. hookverify never closes it.
   */
  readonly client: RedisClientLike;
  /** Prepended to every key, to share a Redis database with other data. Default `"hookverify:dedupe:"`. */
  readonly prefix?: string;
}

const DEFAULT_PREFIX = 'hookverify:dedupe:';

/** Redis wants whole milliseconds of at least one. */
function wholeMs(ms: number): string {
  return String(Math.max(1, Math.ceil(ms)));
}

function isSyntaxError(error: unknown): boolean {
  return /syntax error/i.test(String((error as Error | undefined)?.message));
}

/**
 * A dedupe store in Redis, shared by every process that points at the same server. A claim is
 * one round trip (`SET key token NX PX lease GET`); completing and releasing are Lua scripts
 * that check the claim's token atomically, so a slow worker cannot touch a claim that has
 * passed to another. Keys expire on their own (`PX`), so nothing needs sweeping.
 *
 * Needs Redis 7.0 or later for the one-round-trip claim; on 6.2 a claim that finds the key
 * taken costs a second round trip (`GET`).
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis';
 * import { createDeduplicator } from 'hookverify/dedupe';
 * import { createRedisStore } from 'hookverify/redis';
 * import { peridio } from 'hookverify/peridio';
 *
 * const dedupe = createDeduplicator({
 *   store: createRedisStore({ client: new Redis(process.env.REDIS_URL!), prefix: 'webhooks:' }),
 *   retention: peridio,
 * });
 * ```
 *
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * import { createRedisStore } from 'hookverify/redis';
 *
 * const client = await createClient({ url: process.env.REDIS_URL }).connect();
 * const store = createRedisStore({ client });
 * ```
 */
export function createRedisStore(options: RedisStoreOptions): DedupeStore {
  if (options === null || typeof options !== 'object') {
    throw new ConfigurationError('invalid_option', 'createRedisStore needs { client }');
  }
  const send: SendCommand = commandSender(options.client);
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  if (typeof prefix !== 'string') throw new ConfigurationError('invalid_option', 'prefix must be a string');
  // Set when the server refuses NX together with GET (Redis before 7.0).
  let twoStepClaim = false;

  function classify(held: unknown): ClaimResult {
    // A key that vanished between the two steps of the old-server path is treated as taken:
    // the sender retries and the retry claims it. Clients set up to return bytes give a buffer.
    const text = held instanceof Uint8Array ? new TextDecoder().decode(held) : held;
    return text === COMPLETED ? 'completed' : 'in_progress';
  }

  async function claimInTwoSteps(key: string, token: string, leaseMs: number): Promise<ClaimResult> {
    const set = await send(['SET', key, token, 'NX', 'PX', wholeMs(leaseMs)]);
    if (set !== null && set !== undefined) return 'claimed';
    return classify(await send(['GET', key]));
  }

  return {
    async claim(key, token, leaseMs) {
      const fullKey = prefix + key;
      if (twoStepClaim) return claimInTwoSteps(fullKey, token, leaseMs);
      let previous: unknown;
      try {
        previous = await send(['SET', fullKey, token, 'NX', 'PX', wholeMs(leaseMs), 'GET']);
      } catch (error) {
        if (!isSyntaxError(error)) throw error;
        twoStepClaim = true;
        return claimInTwoSteps(fullKey, token, leaseMs);
      }
      return previous === null || previous === undefined ? 'claimed' : classify(previous);
    },
    async complete(key, token, retentionMs) {
      return Number(await completeScript.run(send, [prefix + key], [token, COMPLETED, wholeMs(retentionMs)])) === 1;
    },
    async release(key, token) {
      return Number(await releaseScript.run(send, [prefix + key], [token])) === 1;
    },
  };
}
