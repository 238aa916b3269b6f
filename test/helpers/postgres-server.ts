// Starts a real PostgreSQL cluster for tests: a fresh initdb in a temp dir, one postmaster on a
// free port of 127.0.0.1 (no Unix socket), durability off for speed, everything removed on stop.
//
// PostgreSQL refuses to run as root, and CI runs as root: then initdb and postgres run as
// `nobody` (uid/gid of that account, which every Debian system has), passed to spawn() so no
// su/sudo/runuser is needed and no account is created. The data dir is made under /tmp (mode
// 1777) and handed to that user, because a root-only $TMPDIR would not be reachable. As any
// other user, the cluster runs as that user in os.tmpdir().
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './redis-server.js';

export interface PostgresServer {
  readonly port: number;
  /** Superuser, trusted on loopback: no password. */
  readonly user: string;
  /** A connection string to `database` (default `postgres`). */
  url(database?: string): string;
  /** Stops the postmaster with a fast shutdown (what `pg_ctl stop -m fast` sends), keeping the data. */
  pause(): Promise<void>;
  /** Starts the postmaster again on the same port and data, after `pause()`. */
  resume(): Promise<void>;
  /** Stops the server and removes its data; safe to call twice. */
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';

/** The newest installed server's bin dir (Debian: /usr/lib/postgresql/<major>/bin), if any. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root)
    .filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return majors.length > 0 ? join(root, majors[0]!, 'bin') : undefined;
}

/**
 * Why Postgres tests cannot run here, or undefined when they can. Under CI=true a missing
 * server is an error, never a skip.
 */
export function postgresUnavailableReason(): string | undefined {
  if (postgresBinDir() !== undefined) return undefined;
  const reason = 'PostgreSQL is not installed (apt-get install -y postgresql); skipping the Postgres tests';
  if (process.env.CI === 'true') throw new Error(`${reason}: not allowed when CI=true`);
  console.warn(reason);
  return reason;
}

interface RunAs {
  readonly uid?: number;
  readonly gid?: number;
}

function unprivilegedUser(): RunAs {
  if (process.getuid?.() !== 0) return {};
  const lookup = (flag: string) => Number(spawnSync('id', [flag, 'nobody'], { encoding: 'utf8' }).stdout.trim());
  const uid = lookup('-u');
  const gid = lookup('-g');
  if (!Number.isInteger(uid) || !Number.isInteger(gid) || uid === 0) throw new Error('running as root, and there is no `nobody` account to run PostgreSQL as');
  return { uid, gid };
}

function initdb(bin: string, dataDir: string, runAs: RunAs): void {
  const result = spawnSync(
    join(bin, 'initdb'),
    ['-D', dataDir, '-U', SUPERUSER, '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions'],
    { ...runAs, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } },
  );
  if (result.status !== 0) throw new Error(`initdb failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
}

function postmaster(bin: string, dataDir: string, port: number, runAs: RunAs): ChildProcess {
  const settings = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    // A test cluster holds nothing worth keeping: trade durability for speed.
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    max_connections: '300',
    log_min_messages: 'warning',
  };
  const args = ['-D', dataDir, '-p', String(port), ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`])];
  return spawn(join(bin, 'postgres'), args, { ...runAs, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
}

/** Resolves once the postmaster logs that it accepts connections; rejects if it exits first. */
function waitUntilReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => finish(new Error(`postgres did not start in time:\n${output}`)), 30_000);
    function finish(error?: Error) {
      clearTimeout(timer);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    }
    function onData(chunk: Buffer) {
      output += chunk.toString();
      if (output.includes('ready to accept connections')) finish();
    }
    function onExit(code: number | null, signal: NodeJS.Signals | null) {
      finish(new Error(`postgres exited with ${code ?? signal}:\n${output}`));
    }
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

function exitOf(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** Starts a fresh cluster on a free loopback port; retries if another process took the port first. */
export async function startPostgresServer(): Promise<PostgresServer> {
  const bin = postgresBinDir();
  if (bin === undefined) throw new Error('PostgreSQL is not installed (apt-get install -y postgresql)');
  const runAs = unprivilegedUser();
  const base = runAs.uid === undefined ? tmpdir() : '/tmp';
  const home = mkdtempSync(join(base, 'hookverify-pg-'));
  const dataDir = join(home, 'data');
  if (runAs.uid !== undefined) chownSync(home, runAs.uid, runAs.gid!);
  let child: ChildProcess | undefined;
  let port = 0;
  const launch = async () => {
    const started = postmaster(bin, dataDir, port, runAs);
    try {
      await waitUntilReady(started);
    } catch (error) {
      started.kill('SIGKILL');
      await exitOf(started);
      throw error;
    }
    // Keep reading, or a chatty server would block on a full pipe.
    started.stdout?.resume();
    started.stderr?.resume();
    child = started;
  };
  const halt = async () => {
    const running = child;
    child = undefined;
    if (running === undefined) return;
    // SIGINT is PostgreSQL's fast shutdown: abort open transactions, close connections, exit.
    if (running.exitCode === null && running.signalCode === null) running.kill('SIGINT');
    await exitOf(running);
  };

  try {
    initdb(bin, dataDir, runAs);
    let lastError: unknown;
    for (let attempt = 0; attempt < 5 && child === undefined; attempt++) {
      port = await freePort();
      await launch().catch((error: unknown) => {
        lastError = error;
      });
    }
    if (child === undefined) throw lastError;
  } catch (error) {
    rmSync(home, { recursive: true, force: true });
    throw error;
  }

  return {
    port,
    user: SUPERUSER,
    url: (database = 'postgres') => `postgres://${SUPERUSER}@127.0.0.1:${port}/${database}`,
    pause: halt,
    async resume() {
      if (child === undefined) await launch();
    },
    async stop() {
      await halt();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
