// `npm publish --dry-run` as a release would run it, after the build (scripts/ci/63-publish-check.sh).
// Fails when npm warns about anything but the missing login a dry run does not need (a field it
// auto-corrects is a field the published package.json would lose), and when the tarball it
// would upload breaks a rule of scripts/package-problems.ts.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageProblems, SCRIPT_FILE, type PackageManifest, type PackedFile } from './package-problems.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageManifest & { name: string };

interface PublishReport {
  readonly files: readonly { readonly path: string }[];
  readonly size: number;
}

const run = spawnSync('npm', ['publish', '--dry-run', '--json'], { cwd: root, encoding: 'utf8' });
if (run.status !== 0) {
  console.error(run.stderr);
  console.error(`npm publish --dry-run exited with ${run.status}`);
  process.exit(1);
}

// A dry run never reaches the registry, so the login it would need is not a problem here.
const NOT_A_PROBLEM = /requires you to be logged in/;
const warnings = run.stderr.split('\n').filter((line) => /^npm warn/i.test(line) && !NOT_A_PROBLEM.test(line));

// npm 11 prints { "<name>": report }; older versions printed the report itself.
const parsed = JSON.parse(run.stdout) as Record<string, PublishReport> | PublishReport;
const report = 'files' in parsed ? (parsed as PublishReport) : (parsed as Record<string, PublishReport>)[manifest.name]!;
const files: PackedFile[] = report.files.map(({ path }) =>
  SCRIPT_FILE.test(path) ? { path, text: readFileSync(join(root, path), 'utf8') } : { path },
);
const problems = [...warnings.map((line) => `npm: ${line}`), ...packageProblems(manifest, files)];

if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}
console.log(`npm publish --dry-run: ${files.length} files, ${(report.size / 1024).toFixed(1)} KiB packed, no warnings; no tests, fixtures or source maps`);
