// The built core and sender entries must not import a node: module at the top level: edge
// bundlers (Next.js Edge, Workers) refuse or polyfill them. node:crypto is reached only through
// process.getBuiltinModule at run time (src/crypto/node.ts). Runs on dist/ as CI builds it
// (scripts/ci/30-build.sh runs before the unit tests); builds it when missing.
import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltPackage } from '../helpers/ensure-built.js';

const ENTRIES = ['dist/index', 'dist/peridio/index', 'dist/edgesense/index', 'dist/standard-webhooks/index', 'dist/stripe/index', 'dist/github/index', 'dist/hubspot/index', 'dist/meta/index', 'dist/square/index', 'dist/twilio/index', 'dist/twitch/index', 'dist/typeform/index', 'dist/zoom/index', 'dist/discord/index', 'dist/line/index', 'dist/mailgun/index', 'dist/razorpay/index', 'dist/sendgrid/index', 'dist/shopify/index', 'dist/testing/index'];
const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** Every import the bundle of `file` and the chunks it pulls in leaves unresolved, with its kind. */
async function externalImports(options: { file: string } | { code: string }): Promise<{ path: string; kind: string }[]> {
  const result = await build({
    ...('file' in options ? { entryPoints: [options.file] } : { stdin: { contents: options.code, loader: 'js' } }),
    bundle: true,
    write: false,
    metafile: true,
    platform: 'neutral',
    packages: 'external',
    external: [...BUILTINS],
    logLevel: 'silent',
  });
  return Object.values(result.metafile.outputs).flatMap((output) =>
    output.imports.filter((entry) => entry.external).map(({ path, kind }) => ({ path, kind })),
  );
}

const builtinImports = (imports: { path: string }[]) => imports.filter(({ path }) => BUILTINS.has(path));

// Shares one build, behind a lock, with the other suites of the built package.
beforeAll(ensureBuiltPackage, 300_000);

describe('built entries', () => {
  it('the check finds node: imports, static, required and dynamic', async () => {
    expect(builtinImports(await externalImports({ code: "import { createHmac } from 'node:crypto'; createHmac();" }))).toHaveLength(1);
    expect(builtinImports(await externalImports({ code: "require('crypto');" }))).toHaveLength(1);
    expect(builtinImports(await externalImports({ code: "import('node:fs');" }))).toHaveLength(1);
  });

  it.each(ENTRIES)('%s (.js and .cjs, with their chunks) imports no node module', async (entry) => {
    for (const file of [`${entry}.js`, `${entry}.cjs`]) {
      expect(existsSync(file), file).toBe(true);
      const imports = await externalImports({ file });
      expect(builtinImports(imports), file).toEqual([]);
    }
  });

  it('the core still reaches node:crypto at run time, through getBuiltinModule', async () => {
    const { defaultCryptoBackend } = (await import(`${process.cwd()}/dist/index.js`)) as typeof import('../../src/index.js');
    expect(defaultCryptoBackend().name).toBe('node');
  });
});
