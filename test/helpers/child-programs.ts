// Child processes for the crash tests: TypeScript helpers bundled once into plain ESM (quicker
// to start than a TypeScript loader), started with fork, killed with SIGKILL and started again
// as a supervisor would.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** Bundles each source into a folder inside node_modules, so the bundles' package imports resolve. */
export async function bundlePrograms(sources: readonly string[], external: readonly string[]): Promise<{ files: string[]; remove(): void }> {
  const cacheDir = fileURLToPath(new URL('../../node_modules/.cache/', import.meta.url));
  mkdirSync(cacheDir, { recursive: true });
  const dir = mkdtempSync(join(cacheDir, 'hookverify-programs-'));
  const files = sources.map((source) => join(dir, basename(source).replace(/\.ts$/, '.mjs')));
  await Promise.all(
    sources.map((source, index) =>
      build({
        entryPoints: [source],
        outfile: files[index],
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        external: [...external],
        logLevel: 'error',
      }),
    ),
  );
  return { files, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A child that says `{ type: 'ready' }` once it serves; SIGKILLed and restarted on demand. */
export interface SupervisedProgram {
  /** Kills it with SIGKILL, waits for it to exit, starts it again and waits until it is ready. */
  killAndRestart(): Promise<void>;
  /** Asks it to stop (`{ type: 'stop' }`), then kills it if it has not exited within 5 s. */
  stop(): Promise<void>;
}

function start(file: string, env: Record<string, string>): Promise<ChildProcess> {
  const child = fork(file, { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code, signal) => reject(new Error(`${basename(file)} exited with ${code ?? signal} before it was ready`)));
    child.on('message', (message: { type?: string }) => {
      if (message.type === 'ready') resolve(child);
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function supervise(file: string, env: Record<string, string>): Promise<SupervisedProgram> {
  let child = await start(file, env);
  return {
    async killAndRestart() {
      const gone = exited(child);
      child.kill('SIGKILL');
      await gone;
      child = await start(file, env);
    },
    async stop() {
      const gone = exited(child);
      if (child.connected) child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await gone;
      clearTimeout(timer);
    },
  };
}
