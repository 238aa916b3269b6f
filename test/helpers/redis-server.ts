// Starts real redis-server processes on 127.0.0.1 for tests, each on a free port, with
// persistence off so they leave nothing behind.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  /** Stops the server and waits for it to exit; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Why Redis tests cannot run here, or undefined when they can. Under CI=true a missing
 * redis-server is an error, never a skip.
 */
export function redisUnavailableReason(): string | undefined {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0) return undefined;
  const reason = 'redis-server is not installed (apt-get install -y redis-server); skipping the Redis store tests';
  if (process.env.CI === 'true') throw new Error(`${reason}: not allowed when CI=true`);
  console.warn(reason);
  return reason;
}

/** A port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function waitUntilReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => finish(new Error(`redis-server did not start in time:\n${output}`)), 10_000);
    function finish(error?: Error) {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    }
    function onData(chunk: Buffer) {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) finish();
    }
    function onExit(code: number | null) {
      finish(new Error(`redis-server exited with ${code}:\n${output}`));
    }
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}

/**
 * Starts a redis-server on a free loopback port; retries if another process took the port first.
 * `port` starts it on that one (to bring a stopped server back where its clients reconnect), and
 * `dir` keeps its data there, written on every command, so a stopped server comes back with it.
 */
export async function startRedisServer(options: { port?: number; dir?: string } = {}): Promise<RedisServer> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = options.port ?? (await freePort());
    const persistence = options.dir === undefined ? ['--appendonly', 'no'] : ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', options.dir];
    const child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence, '--loglevel', 'notice'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      await waitUntilReady(child);
    } catch (error) {
      lastError = error;
      child.kill('SIGKILL');
      continue;
    }
    child.stdout?.resume();
    child.stderr?.resume();
    const exited = new Promise<void>((resolve) => {
      if (child.exitCode !== null) resolve();
      else child.once('exit', () => resolve());
    });
    return {
      port,
      url: `redis://127.0.0.1:${port}`,
      async stop() {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        await exited;
      },
    };
  }
  throw lastError;
}
