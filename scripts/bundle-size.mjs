// Bundle size of every public entry, as a user's bundler would ship it: esbuild, minified,
// tree-shaken, runtime dependencies (zod) included, then gzip level 9. Framework packages are
// optional peers that the user's app already ships, so they stay external, as do node: modules.
// Budgets live in bench/size-budget.json; an entry without one fails with a message asking for
// one, so no entry grows unwatched.
//
//   node scripts/bundle-size.mjs            check every budget (CI: scripts/ci/70-size.sh)
//   node scripts/bundle-size.mjs --json     also print the measurements as JSON
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { entries } from './entries.mjs';
import { sizeBuildOptions } from './size-build-options.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const budgetFile = join(root, 'bench', 'size-budget.json');
const budgets = JSON.parse(readFileSync(budgetFile, 'utf8'));
const PEERS = ['express', 'fastify', 'fastify-plugin', 'next', 'ioredis', 'redis', '@redis/*', 'bullmq', 'pg-boss', 'react', 'react-dom'];

/** Bundles a snippet that imports from the repository, returning gzip bytes and the packages it pulled in. */
async function measure(contents) {
  const result = await build(sizeBuildOptions(contents, root, PEERS));
  const code = result.outputFiles[0].contents;
  const packages = new Set();
  for (const input of Object.keys(result.metafile.inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
    if (match) packages.add(match[1]);
  }
  return { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength, packages: [...packages].sort() };
}

const rows = [];
const failures = [];
const notes = [];
for (const [subpath, source] of Object.entries(entries)) {
  const measured = await measure(`export * from './${source}';`);
  const budget = budgets.entries?.[subpath];
  rows.push({ name: `hookverify${subpath === '.' ? '' : subpath.slice(1)} (whole entry)`, budget, ...measured });
  if (typeof budget !== 'number') {
    failures.push(
      `${subpath} has no size budget: add "${subpath}": <bytes> under "entries" in bench/size-budget.json ` +
        `(it measures ${measured.gzip} B gzipped now; leave some headroom)`,
    );
  } else if (measured.gzip > budget) {
    failures.push(`${subpath} is ${measured.gzip} B gzipped, over its budget of ${budget} B`);
  }
}
for (const [name, scenario] of Object.entries(budgets.scenarios ?? {})) {
  const source = entries[scenario.entry];
  if (!source) {
    failures.push(`scenario "${name}" names ${scenario.entry}, which is not an entry`);
    continue;
  }
  const names = scenario.imports.join(', ');
  // Use every import, so the bundler keeps exactly what a user calling them keeps.
  const measured = await measure(`import { ${names} } from './${source}';\nexport const used = [${names}];`);
  rows.push({ name: `${name}: import { ${names} } from 'hookverify${scenario.entry.slice(1)}'`, budget: scenario.budget, ...measured });
  if (measured.gzip > scenario.budget) failures.push(`${name} is ${measured.gzip} B gzipped, over its budget of ${scenario.budget} B`);
  // A target below the budget is where the bundle should get to; missing it is reported, not failed.
  if (typeof scenario.target === 'number' && measured.gzip > scenario.target) {
    notes.push(`${name}: ${measured.gzip} B gzipped, target ${scenario.target} B not met yet`);
  }
  if (scenario.noDependencies && measured.packages.length > 0) {
    failures.push(`${name} must pull in no package, but bundles ${measured.packages.join(', ')}`);
  }
}

console.log('| bundle | minified | gzip | budget | packages bundled |');
console.log('|---|---:|---:|---:|---|');
for (const row of rows) {
  const budget = typeof row.budget === 'number' ? `${row.budget} B` : '**none**';
  console.log(`| ${row.name} | ${row.minified} B | ${row.gzip} B | ${budget} | ${row.packages.join(', ') || 'none'} |`);
}
for (const note of notes) console.log(`\nnote: ${note}`);
if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
if (failures.length > 0) {
  console.error(`\nbundle size check failed:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('\nevery bundle is within its budget');
