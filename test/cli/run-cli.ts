// Runs the BUILT executable (dist/cli/index.js) as a child process, as users run it. CI builds
// dist/ first (scripts/ci/30-build.sh); when the bundle is missing or older than src/, only the
// CLI bundle is rebuilt here, with the CLI's own entry of tsup.config.ts.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Options } from 'tsup';
import tsupConfig from '../../tsup.config.js';

export const CLI = 'dist/cli/index.js';
const LOCK = 'dist/.cli-build.lock';

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function isFresh(): boolean {
  try {
    return statSync(CLI).mtimeMs >= newestSource('src');
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Rebuilds the CLI bundle when stale; test files running in parallel take turns through a lock. */
export async function ensureBuiltCli(): Promise<void> {
  if (isFresh()) return;
  mkdirSync('dist', { recursive: true });
  for (let waited = 0; ; waited += 100) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (waited > 120_000) throw new Error(`${LOCK} is held for over 2 minutes; remove it if no build is running`);
      await sleep(100);
    }
  }
  try {
    if (isFresh()) return;
    const configs = (Array.isArray(tsupConfig) ? tsupConfig : [tsupConfig]) as Options[];
    const cli = configs.find((config) => typeof config.entry === 'object' && !Array.isArray(config.entry) && 'cli/index' in config.entry);
    if (!cli) throw new Error('tsup.config.ts has no cli/index entry');
    await build({ ...cli, config: false, silent: true });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `node dist/cli/index.js ...args`, with extra environment variables and optional stdin. */
export function runCli(args: readonly string[], options: { env?: Record<string, string>; input?: string | Uint8Array; cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(process.cwd(), CLI), ...args], {
      cwd: options.cwd ?? process.cwd(),
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input);
  });
}
