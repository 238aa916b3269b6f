// Tests of the built package (dist/) build it when it is missing, so that a bare `npx vitest run`
// on a clean clone works; CI builds first (scripts/ci/30-build.sh) and this does nothing there.
// Await it at the top of the test file, before anything imports from dist/: a `beforeAll`
// runs after the file's top-level imports, too late. Test files run in parallel, so they take
// turns through a lock, and whoever waited finds the package built.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { distName, entries } from '../../scripts/entries.mjs';

// Outside dist/, which the build cleans.
const LOCK = 'node_modules/.cache/hookverify-package-build.lock';
const OUTPUTS = Object.keys(entries).flatMap((subpath) => ['.js', '.cjs', '.d.ts', '.d.cts'].map((ext) => `dist/${distName(subpath)}${ext}`));

const isBuilt = () => OUTPUTS.every((file) => existsSync(file));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Builds dist/ with `npx tsup` unless every entry's JavaScript and declarations are there. */
export async function ensureBuiltPackage(): Promise<void> {
  if (isBuilt()) return;
  mkdirSync('node_modules/.cache', { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (waited > 300_000) throw new Error(`${LOCK} has been held for 5 minutes; remove it if no build is running`);
      await sleep(200);
    }
  }
  try {
    if (isBuilt()) return;
    try {
      execFileSync('npx', ['tsup', '--silent'], {
        stdio: 'inherit',
        timeout: 240_000,
        // As scripts/ci/30-build.sh: the declaration build needs more than the default heap.
        env: { ...process.env, NODE_OPTIONS: `--max-old-space-size=6144 ${process.env['NODE_OPTIONS'] ?? ''}` },
      });
    } catch (error) {
      throw new Error('these tests need the built package and `npx tsup` failed: run it and read its errors', { cause: error });
    }
    const missing = OUTPUTS.filter((file) => !existsSync(file));
    if (missing.length > 0) throw new Error(`\`npx tsup\` did not produce ${missing.join(', ')}`);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
