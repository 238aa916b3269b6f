// examples/queue as real processes: its receiver and its worker, sharing a real redis-server on
// 127.0.0.1. Every event is acknowledged once Redis has its job, a duplicate delivery too, and
// the worker runs each event's handler exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleEdgeSenseEventNames, samplePeridioEventNames } from '../../src/testing/sample-events.js';
import { eventually } from '../helpers/queue-receiver.js';
import { redisUnavailableReason, startRedisServer, type RedisServer } from '../helpers/redis-server.js';
import { exerciseExample, expectedExchange, startExample, type RunningExample } from './run-example.js';

const skip = redisUnavailableReason() !== undefined;

describe.skipIf(skip)('examples/queue (BullMQ)', () => {
  let server: RedisServer;
  const running: RunningExample[] = [];

  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await Promise.all(running.map((app) => app.stop()));
    await server?.stop();
  });

  it('acknowledges each delivery once its job is queued, and the worker handles every event exactly once', async () => {
    const env = { REDIS_URL: server.url };
    const receiver = await startExample('node', ['--import', 'tsx', 'examples/queue/receiver.ts'], { cwd: process.cwd(), env });
    running.push(receiver);
    const worker = await startExample('node', ['--import', 'tsx', 'examples/queue/worker.ts'], {
      cwd: process.cwd(),
      env,
      ready: /worker ready/,
      baseUrl: '',
    });
    running.push(worker);

    const results = await exerciseExample({ peridio: `${receiver.baseUrl}/webhooks/peridio`, edgesense: `${receiver.baseUrl}/webhooks/edgesense` });
    // A duplicate is acknowledged by the hand-off as its first delivery was: its job is already there.
    const expected = expectedExchange().map((row) => (row.body === '{"status":"duplicate"}' ? { ...row, body: '{"status":"processed"}' } : row));
    expect(results).toEqual(expected);

    // Every event type, plus the first delivery of each duplicated one; nothing of the forgeries.
    const events = samplePeridioEventNames.length + sampleEdgeSenseEventNames.length + 2;
    const done = () => worker.output().match(/"job":"done"/g)?.length ?? 0;
    await eventually(() => done() >= events, 20_000, 'the worker processed every event');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(done()).toBe(events);
    expect(worker.output()).toContain('handled device.release-changed: ');
    expect(worker.output()).toContain('handled device.alert: ');
    expect(worker.output()).not.toMatch(/"job":"(retry|dead_letter)"/);
  });
});
