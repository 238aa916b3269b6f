// The project the runtime suite runs in: the packed tarball installed as a user installs it
// (from npm's cache where it can, as scripts/consumer-test.mjs does), Hono beside it, the suite's
// files copied in, and two generated modules: fixtures.mjs (the data) and modules.mjs (every
// entry the suite uses, imported statically so that workerd's bundle holds them all).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const SUITE = join(ROOT, 'test/runtimes/suite');

const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

/** The version of a package installed at the root, as package-lock.json pinned it. */
export const installedVersion = (name: string): string =>
  (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * The tarball 66-runtimes.sh packed from the one build (HOOKVERIFY_TARBALL), or, run on its
 * own, a fresh `npm pack` of the current dist/ (packing builds nothing).
 */
function tarball(dir: string): string {
  const given = process.env.HOOKVERIFY_TARBALL;
  if (given) return resolve(given);
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir], ROOT)) as { filename: string }[];
  return join(dir, packed!.filename);
}

export interface ConsumerProject {
  readonly dir: string;
  /** Where the suite's files are: the entries cli.mjs and worker.mjs among them. */
  readonly suite: string;
}

export function createConsumerProject(fixtures: unknown, senderEntries: readonly string[]): ConsumerProject {
  const dir = mkdtempSync(join(tmpdir(), 'hookverify-runtimes-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'hookverify-runtimes', private: true, type: 'module' }, null, 2));
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball(dir), `hono@${installedVersion('hono')}`], dir);
  const suite = join(dir, 'conformance');
  mkdirSync(suite);
  for (const file of readdirSync(SUITE)) copyFileSync(join(SUITE, file), join(suite, file));
  writeFileSync(join(suite, 'fixtures.mjs'), `export default ${JSON.stringify(fixtures)};\n`);
  const senders = senderEntries.map((entry, i) => `import * as sender${i} from 'hookverify/${entry}';`).join('\n');
  writeFileSync(
    join(suite, 'modules.mjs'),
    `// Written by test/runtimes/consumer-project.ts.
import * as root from 'hookverify';
import * as fetch from 'hookverify/fetch';
import * as hono from 'hookverify/hono';
import * as testing from 'hookverify/testing';
export { Hono } from 'hono';
${senders}
export { root, fetch, hono, testing };
export const senders = { ${senderEntries.map((entry, i) => `${JSON.stringify(entry)}: sender${i}`).join(', ')} };
`,
  );
  return { dir, suite };
}
