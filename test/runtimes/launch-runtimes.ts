// Each runtime the suite runs on: its binary (from the pinned dev dependencies, or the Node
// running the driver for Node 20), how it runs the suite, and what it must report.
import { execFileSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT, type ConsumerProject } from './consumer-project.js';

export interface Runtime {
  /** The README's name for it. */
  readonly label: string;
  readonly id: string;
  readonly bin: string;
  /** The backends it must have, and the one it must choose by default. */
  readonly backends: readonly string[];
  readonly defaultBackend: 'node' | 'web';
  run(project: ConsumerProject): Promise<string>;
}

export interface RuntimeReport {
  readonly runtime: { name: string; version: string };
  readonly server: string;
  readonly backends: string[];
  readonly defaultBackend: string;
  readonly results: { name: string; ok: boolean; ms: number; error?: string }[];
}

const TIMEOUT_MS = 180_000;

function spawnCollect(bin: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout.trim().split('\n').at(-1)!);
      else reject(new Error(`${bin} ${args.join(' ')} exited with ${code ?? signal}\n${stderr.slice(-4000)}`));
    });
  });
}

const cli = (label: string, id: string, bin: string, args: string[], env: Record<string, string> = {}): Runtime => ({
  label,
  id,
  bin,
  backends: ['node', 'web'],
  defaultBackend: 'node',
  run: (project) => spawnCollect(bin, [...args, 'cli.mjs'], project.suite, env),
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const WORKERD = join(ROOT, 'node_modules/@cloudflare/workerd-linux-64/bin/workerd');

/** workerd serving the bundled suite; the report is the answer to GET /conformance. */
async function runWorkerd(project: ConsumerProject, compatibilityDate: string): Promise<string> {
  // Bundled as wrangler would, from the consumer's node_modules, with the conditions workerd matches.
  await build({
    entryPoints: [join(project.suite, 'worker.mjs')],
    outfile: join(project.suite, `worker-${compatibilityDate}.js`),
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    logLevel: 'error',
  });
  const port = await freePort();
  const config = `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "loop", external = (address = "127.0.0.1:${port}", http = ())),
  ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [ (name = "worker", esModule = embed "worker-${compatibilityDate}.js") ],
  compatibilityDate = "${compatibilityDate}",
  bindings = [ (name = "LOOP", service = "loop") ],
);
`;
  const file = `workerd-${compatibilityDate}.capnp`;
  writeFileSync(join(project.suite, file), config);
  const child = spawn(WORKERD, ['serve', file], { cwd: project.suite, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  try {
    const version = workerdVersion();
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/conformance?version=${version}`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
        if (!response.ok) throw new Error(`workerd answered ${response.status}: ${(await response.text()).slice(0, 2000)}\n${stderr}`);
        return await response.text();
      } catch (error) {
        const refused = (error as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED';
        if (!refused || Date.now() > deadline || child.exitCode !== null) throw new Error(`workerd: ${String(error)}\n${stderr.slice(-4000)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } finally {
    child.kill();
  }
}

/** "workerd 2026-11-17" prints the date of its compatibility table; the npm version names the build. */
export function workerdVersion(): string {
  const date = execFileSync(WORKERD, ['--version'], { encoding: 'utf8' }).trim().replace(/^workerd /, '');
  return date;
}

export const RUNTIMES: readonly Runtime[] = [
  cli('Node.js', 'node20', process.execPath, []),
  cli('Node.js', 'node22', join(ROOT, 'node_modules/node22/bin/node'), []),
  cli('Node.js', 'node24', join(ROOT, 'node_modules/node24/bin/node'), []),
  cli('Bun', 'bun', join(ROOT, 'node_modules/@oven/bun-linux-x64/bin/bun'), [], { DO_NOT_TRACK: '1' }),
  cli('Deno', 'deno', join(ROOT, 'node_modules/@deno/linux-x64-glibc/deno'), ['run', '--allow-all'], { DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' }),
  {
    label: 'Cloudflare workerd, compatibility date 2026-11-01',
    id: 'workerd',
    bin: WORKERD,
    // Workers now have process.getBuiltinModule and node:crypto without the nodejs_compat flag.
    backends: ['node', 'web'],
    defaultBackend: 'node',
    run: (project) => runWorkerd(project, '2026-11-01'),
  },
  {
    label: 'Cloudflare workerd, compatibility date 2024-09-23',
    id: 'workerd-old',
    bin: WORKERD,
    // A Worker on a compatibility date before that has no process: Web Crypto only.
    backends: ['web'],
    defaultBackend: 'web',
    run: (project) => runWorkerd(project, '2024-09-23'),
  },
];
