/**
 * `hookverify/redis`: a dedupe store in Redis for many processes behind a load balancer.
 * Works with an `ioredis` or a `redis` (node-redis) client you create; neither is imported.
 *
 * @module
 */
export type { IoRedisClientLike, NodeRedisClientLike, RedisClientLike } from './redis-client.js';
export { createRedisStore, type RedisStoreOptions } from './redis-store.js';
