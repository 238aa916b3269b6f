// What the queue example's receiver and worker share: the queue's name and the Redis they reach.
export const QUEUES = { peridio: 'webhooks-peridio', edgesense: 'webhooks-edgesense' } as const;

export function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`set ${name}`);
  return value;
}

export function redisConnection(): { host: string; port: number } {
  const url = new URL(required('REDIS_URL'));
  return { host: url.hostname, port: Number(url.port || 6379) };
}
