import { ConfigurationError } from '../../core/errors.js';

/**
 * The part of an ioredis client (`Redis` or `Cluster`) the Redis store uses: `call`, which
 * sends any command.
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis';
 * import { createRedisStore, type IoRedisClientLike } from 'hookverify/redis';
 *
 * const client: IoRedisClientLike = new Redis(process.env.REDIS_URL!);
 * const store = createRedisStore({ client });
 * ```
 */
export interface IoRedisClientLike {
  call(command: string, ...args: string[]): Promise<unknown>;
}

/**
 * The part of a node-redis client (`createClient()` of `redis` v4 or v5) the Redis store uses.
 *
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * import { createRedisStore, type NodeRedisClientLike } from 'hookverify/redis';
 *
 * const client: NodeRedisClientLike = await createClient({ url: process.env.REDIS_URL }).connect();
 * const store = createRedisStore({ client });
 * ```
 */
export interface NodeRedisClientLike {
  sendCommand(args: string[]): Promise<unknown>;
}

/**
 * A client of either library. It is recognised by its shape, so hookverify imports neither
 * package: install the one you use.
 *
 * @example
 * ```ts
 * import { createRedisStore, type RedisClientLike } from 'hookverify/redis';
 *
 * function storeFor(client: RedisClientLike) {
 *   return createRedisStore({ client, prefix: 'myapp:webhooks:' });
 * }
 * ```
 */
export type RedisClientLike = IoRedisClientLike | NodeRedisClientLike;

/** Sends one command, as strings, and resolves to the reply. */
export type SendCommand = (args: string[]) => Promise<unknown>;

/** Adapts either client to one function. */
export function commandSender(client: RedisClientLike): SendCommand {
  const candidate = client as Partial<IoRedisClientLike & NodeRedisClientLike> | null | undefined;
  // ioredis also has a sendCommand, taking a Command object; its `call` is the generic one.
  if (typeof candidate?.call === 'function') {
    const ioredis = candidate as IoRedisClientLike;
    return (args) => ioredis.call(args[0]!, ...args.slice(1));
  }
  if (typeof candidate?.sendCommand === 'function') {
    // node-redis's cluster client takes (firstKey, isReadonly, args): sending it a plain
    // argument list would fail on every delivery, so refuse it now.
    if ('masters' in candidate) {
      throw new ConfigurationError(
        'invalid_option',
        "node-redis's cluster client is not supported; use an ioredis Cluster, or a node-redis client of one node",
      );
    }
    const nodeRedis = candidate as NodeRedisClientLike;
    return (args) => nodeRedis.sendCommand(args);
  }
  throw new ConfigurationError(
    'invalid_option',
    'client must be an ioredis client (with `call`) or a node-redis client (with `sendCommand`)',
  );
}
