// Runs a TypeScript benchmark script on the code users get (see bundle.mjs).
// Usage: node bench/run.mjs bench/main.ts [args...]; BENCH_NODE_ARGS adds node flags.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from './bundle.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: node bench/run.mjs <bench/script.ts> [args...]');
  process.exit(2);
}
const outfile = await bundle(root, script);
// --expose-gc: for the heap benchmark (bench/memory.ts), which collects before each reading;
// --no-flush-bytecode: so those collections do not throw away the code of idle cases.
const nodeArgs = ['--expose-gc', '--no-flush-bytecode', ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)];
const result = spawnSync(process.execPath, [...nodeArgs, '--enable-source-maps', outfile, ...args], {
  stdio: 'inherit',
  cwd: root,
});
rmSync(outfile, { force: true });
process.exit(result.status ?? 1);
