// Issue #12: an app that only verifies one built-in sender's deliveries must not ship the
// composer's rule checker. Built-in senders are fixed data, proven to pass the rules by
// test/core/scheme/assemble-sender.test.ts; only user-written definitions need the checker at
// run time. Bundled as scripts/bundle-size.mjs bundles its scenarios.
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { entries } from '../../scripts/entries.mjs';

const CHECKER = 'src/core/scheme/compose-sender.ts';

/** The minified bundle of a user who imports `names` from `subpath` and uses them. */
async function bundle(subpath: string, names: readonly string[]) {
  const list = names.join(', ');
  return build({
    stdin: { contents: `import { ${list} } from './${entries[subpath]}';\nexport const used = [${list}];`, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    external: ['node:*'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
}

/** Minified bytes per source file when a user imports `names` from `subpath` and uses them. */
async function bytesByModule(subpath: string, names: readonly string[]): Promise<Map<string, number>> {
  const { metafile } = await bundle(subpath, names);
  const output = Object.values(metafile.outputs)[0]!;
  return new Map(Object.entries(output.inputs).map(([path, input]) => [path, input.bytesInOutput]));
}

describe('what a verify-only bundle carries', () => {
  it.each([
    ['./peridio', 'createPeridioVerifier'],
    ['./stripe', 'createStripeVerifier'],
    ['./github', 'createGitHubVerifier'],
    ['./standard-webhooks', 'createStandardWebhooksVerifier'],
    ['./edgesense', 'createEdgeSenseVerifier'],
  ])('hookverify%s with %s leaves the rule checker out', async (subpath, name) => {
    const modules = await bytesByModule(subpath, [name]);
    expect(modules.get('src/core/verifier.ts')).toBeGreaterThan(0);
    expect(modules.get(CHECKER) ?? 0).toBe(0);
  });

  // Built-in parts come from the trusted constructors (test/core/scheme/trusted-parts.test.ts
  // proves them equal to the checked ones), so the parts' option checks stay out too. Stripe's
  // and Standard Webhooks' parameter and unix-time parts still check their options.
  it.each([
    ['./peridio', 'createPeridioVerifier'],
    ['./github', 'createGitHubVerifier'],
  ])('hookverify%s with %s leaves the parts\' option checks out', async (subpath, name) => {
    const code = (await bundle(subpath, [name])).outputFiles[0]!.text;
    for (const message of ['must be an HTTP header name', 'signatureHeader needs', 'hmac() needs', 'a body field must be a dot path', 'needs the source of the time']) {
      expect(code, message).not.toContain(message);
    }
  });

  it('keeps the rule checker for an app that composes its own sender', async () => {
    const modules = await bytesByModule('.', ['composeSender', 'createVerifier']);
    expect(modules.get(CHECKER)).toBeGreaterThan(1000);
  });

  it('keeps the parts\' option checks for an app that builds its own parts', async () => {
    const code = (await bundle('.', ['composeSender', 'signatureHeader', 'header', 'hmac', 'bodyField', 'rfc3339'])).outputFiles[0]!.text;
    for (const message of ['must be an HTTP header name', 'signatureHeader needs', 'hmac() needs', 'a body field must be a dot path']) expect(code).toContain(message);
  });
});
