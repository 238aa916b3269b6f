import { Cluster, Redis } from 'ioredis';
import { createClient } from 'redis';
import { describe, expectTypeOf, it } from 'vitest';
import { createRedisStore, type RedisClientLike } from '../../../src/dedupe/redis/index.js';

describe('createRedisStore client types', () => {
  it('accepts the clients of both libraries as users create them', () => {
    expectTypeOf(new Redis()).toMatchTypeOf<RedisClientLike>();
    expectTypeOf(new Cluster([])).toMatchTypeOf<RedisClientLike>();
    expectTypeOf(createClient()).toMatchTypeOf<RedisClientLike>();
    createRedisStore({ client: new Redis(), prefix: 'webhooks:' });
    createRedisStore({ client: createClient() });
  });

  it('refuses something that is neither', () => {
    // @ts-expect-error: a plain object has neither `call` nor `sendCommand`
    createRedisStore({ client: { get: async () => null } });
  });
});
