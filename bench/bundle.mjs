// Bundles a TypeScript benchmark script with hookverify's sources, as tsup does for the
// package (no name-keeping helpers, which tsx would add on every closure), into
// node_modules/.cache, leaving npm packages external. `hookverify/...` imports resolve to the
// sources listed in scripts/entries.mjs, so a benchmark never runs a stale dist/.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { entries } from '../scripts/entries.mjs';

/** Bundles `script` (relative to `root`) and returns the path of the runnable .mjs file. */
export async function bundle(root, script) {
  const sourceEntries = {
    name: 'hookverify-sources',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^hookverify(\/.*)?$/ }, (args) => {
        const subpath = args.path === 'hookverify' ? '.' : `.${args.path.slice('hookverify'.length)}`;
        const source = entries[subpath];
        return source ? { path: join(root, source) } : { errors: [{ text: `${args.path} is not an entry of scripts/entries.mjs` }] };
      });
    },
  };
  const outdir = join(root, 'node_modules', '.cache', 'hookverify-bench');
  mkdirSync(outdir, { recursive: true });
  // One file per script and process, so that parallel runs never overwrite each other's bundle.
  const outfile = join(outdir, `${basename(script, '.ts')}-${process.pid}.mjs`);
  await build({
    entryPoints: [resolve(root, script)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
    plugins: [sourceEntries],
  });
  return outfile;
}
