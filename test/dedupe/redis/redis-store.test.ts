import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../../src/core/errors.js';
import { createDeduplicator, dedupeHttpStatus } from '../../../src/dedupe/index.js';
import { createRedisStore, type NodeRedisClientLike } from '../../../src/dedupe/redis/index.js';
import { connectRedis, REDIS_LIBRARIES, type ConnectedClient } from '../../helpers/redis-clients.js';
import { freePort, redisUnavailableReason, startRedisServer, type RedisServer } from '../../helpers/redis-server.js';
import { freshKey, storeContract } from '../store-contract.js';

const skip = redisUnavailableReason() !== undefined;

describe.skipIf(skip)('createRedisStore against a real redis-server', () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe.each(REDIS_LIBRARIES)('with %s', (library) => {
    let connected: ConnectedClient;
    beforeAll(async () => {
      connected = await connectRedis(library, server.port);
    });
    afterAll(async () => {
      await connected?.close();
    });

    storeContract(() => createRedisStore({ client: connected.client }));

    it('keeps a completed key for the retention (PTTL)', async () => {
      const store = createRedisStore({ client: connected.client });
      const key = freshKey();
      await store.claim(key, 't1', 5000);
      await store.complete(key, 't1', 60_000);
      const ttl = Number(await connected.command(['PTTL', `hookverify:dedupe:${key}`]));
      expect(ttl).toBeGreaterThan(55_000);
      expect(ttl).toBeLessThanOrEqual(60_000);
    });

    it('claims in one round trip: SET key token NX PX lease GET', async () => {
      const sent: string[][] = [];
      const spy: NodeRedisClientLike = {
        sendCommand: (args) => (sent.push(args), connected.command(args)),
      };
      const store = createRedisStore({ client: spy, prefix: 'p:' });
      const key = freshKey();
      await store.claim(key, 'tok', 1234);
      expect(sent).toEqual([['SET', `p:${key}`, 'tok', 'NX', 'PX', '1234', 'GET']]);
      sent.length = 0;
      expect(await store.claim(key, 'other', 1234)).toBe('in_progress');
      expect(sent).toHaveLength(1);
    });

    it('puts every key under the prefix', async () => {
      const store = createRedisStore({ client: connected.client, prefix: `tenant-${library}:` });
      const key = freshKey();
      await store.claim(key, 't', 5000);
      expect(await connected.command(['GET', `tenant-${library}:${key}`])).toBe('t');
      expect(await connected.command(['EXISTS', `hookverify:dedupe:${key}`])).toBe(0);
    });

    it('reloads its scripts after the server forgot them (SCRIPT FLUSH)', async () => {
      const store = createRedisStore({ client: connected.client });
      const a = freshKey();
      await store.claim(a, 't', 5000);
      await store.complete(a, 't', 60_000);
      await connected.command(['SCRIPT', 'FLUSH']);
      const b = freshKey();
      await store.claim(b, 't', 5000);
      expect(await store.release(b, 't')).toBe(true);
      expect(await store.claim(b, 'u', 5000)).toBe('claimed');
      expect(await store.complete(b, 'u', 60_000)).toBe(true);
    });

    it('falls back to SET NX then GET on a server that refuses NX with GET (Redis < 7)', async () => {
      const sent: string[][] = [];
      const oldServer: NodeRedisClientLike = {
        async sendCommand(args) {
          sent.push(args);
          if (args[0] === 'SET' && args.includes('GET')) throw new Error('ERR syntax error');
          return connected.command(args);
        },
      };
      const store = createRedisStore({ client: oldServer });
      const key = freshKey();
      expect(await store.claim(key, 't', 5000)).toBe('claimed');
      expect(await store.claim(key, 'u', 5000)).toBe('in_progress');
      await store.complete(key, 't', 60_000);
      expect(await store.claim(key, 'u', 5000)).toBe('completed');
      // After the first refusal it no longer tries the one-round-trip form.
      expect(sent.filter((args) => args[0] === 'SET' && args.includes('GET'))).toHaveLength(1);
    });

  });

  it("refuses node-redis's cluster client, whose sendCommand takes other arguments", async () => {
    const { createCluster } = await import('redis');
    const cluster = createCluster({ rootNodes: [{ url: server.url }] });
    expect(() => createRedisStore({ client: cluster as never })).toThrow(/cluster client is not supported/);
  });

  it('reads a completed key returned as bytes by a client set up for buffers', async () => {
    const connected = await connectRedis('node-redis', server.port);
    try {
      const bytes: NodeRedisClientLike = {
        sendCommand: async (args) => {
          const reply = await connected.command(args);
          return typeof reply === 'string' ? new TextEncoder().encode(reply) : reply;
        },
      };
      const store = createRedisStore({ client: bytes });
      const key = freshKey();
      await store.claim(key, 't', 5000);
      await store.complete(key, 't', 60_000);
      expect(await store.claim(key, 'u', 5000)).toBe('completed');
    } finally {
      await connected.close();
    }
  });

  it('refuses something that is not a Redis client', () => {
    expect(() => createRedisStore({ client: {} as never })).toThrow(ConfigurationError);
    expect(() => createRedisStore({ client: { get: () => null } as never })).toThrow(/ioredis client .* node-redis client/);
  });

  describe.each(REDIS_LIBRARIES)('during an outage, with %s', (library) => {
    it('fails closed by default (503, nothing processed) and open only when asked', async () => {
      const doomed = await startRedisServer();
      const connected = await connectRedis(library, doomed.port);
      try {
        const store = createRedisStore({ client: connected.client });
        const closed = createDeduplicator({ store, storeTimeout: '500ms' });
        const open = createDeduplicator({ store, storeTimeout: '500ms', onStoreError: 'fail-open' });
        expect((await closed.run('before', () => 1)).status).toBe('processed');

        await doomed.stop();
        let calls = 0;
        const refused = await closed.run('during', () => ++calls);
        expect(refused.status).toBe('store_unavailable');
        expect(dedupeHttpStatus(refused)).toBe(503);
        expect(calls).toBe(0);

        const unguarded = await open.run('during', () => ++calls);
        expect(unguarded).toMatchObject({ status: 'processed', result: 1, recorded: false });
        expect(calls).toBe(1);
      } finally {
        await connected.close();
        await doomed.stop();
      }
    });
  });

  it('fails closed against a port where nothing listens', async () => {
    const port = await freePort();
    const { createClient } = await import('redis');
    const client = createClient({ socket: { host: '127.0.0.1', port, reconnectStrategy: false } });
    client.on('error', () => {});
    await client.connect().catch(() => undefined);
    const dedupe = createDeduplicator({ store: createRedisStore({ client }), storeTimeout: '500ms' });
    let calls = 0;
    const outcome = await dedupe.run('k', () => ++calls);
    expect(outcome.status).toBe('store_unavailable');
    expect(calls).toBe(0);
  });
});
