// Connects the two client libraries hookverify supports, the way users create them.
import { Redis as IORedis } from 'ioredis';
import { createClient } from 'redis';
import type { RedisClientLike } from '../../src/dedupe/redis/index.js';

export type RedisLibrary = 'ioredis' | 'node-redis';
export const REDIS_LIBRARIES: readonly RedisLibrary[] = ['ioredis', 'node-redis'];

export interface ConnectedClient {
  readonly client: RedisClientLike;
  /** Runs a raw command, to look at what the store wrote. */
  command(args: string[]): Promise<unknown>;
  close(): Promise<void>;
}

export async function connectRedis(library: RedisLibrary, port: number): Promise<ConnectedClient> {
  if (library === 'ioredis') {
    const client = new IORedis({ host: '127.0.0.1', port, maxRetriesPerRequest: 1, retryStrategy: () => 50 });
    // An outage test stops the server: the client reports it on 'error', which must be handled.
    client.on('error', () => {});
    await client.ping();
    return {
      client,
      command: (args) => client.call(args[0]!, ...args.slice(1)),
      close: async () => client.disconnect(),
    };
  }
  const client = createClient({ socket: { host: '127.0.0.1', port, reconnectStrategy: () => 50 } });
  client.on('error', () => {});
  await client.connect();
  return {
    client,
    command: (args) => client.sendCommand(args),
    close: async () => client.destroy(),
  };
}
