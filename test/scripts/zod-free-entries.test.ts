import { describe, expect, it } from 'vitest';
import { entries } from '../../scripts/entries.mjs';
import { runtimeImportsOfFile } from '../helpers/entry-imports.js';

// zod is loaded only by the entries that expose schemas; an app that only verifies deliveries
// must not pay for it. Each entry is bundled on its own, packages left external, and the
// bundle's imports are read from esbuild's metafile (test/helpers/entry-imports.ts).
const SCHEMA_ENTRIES = new Set(['./events', './peridio/events', './edgesense/events']);

const loadsZod = (imports: string[]) => imports.some((path) => path === 'zod' || path.startsWith('zod/'));

describe('which entries load zod', () => {
  it('has the entries the brief names', () => {
    for (const subpath of ['.', './peridio', './edgesense', './standard-webhooks', './stripe', './github', './hubspot', './meta', './square', './twilio', './twitch', './typeform', './zoom', './testing', ...SCHEMA_ENTRIES]) {
      expect(Object.keys(entries)).toContain(subpath);
    }
  });

  it.each(Object.entries(entries).filter(([subpath]) => !SCHEMA_ENTRIES.has(subpath)))(
    'hookverify%s does not load zod',
    async (_subpath, source) => {
      expect(loadsZod(await runtimeImportsOfFile(source))).toBe(false);
    },
  );

  it.each(Object.entries(entries).filter(([subpath]) => SCHEMA_ENTRIES.has(subpath)))('hookverify%s loads zod', async (_subpath, source) => {
    expect(loadsZod(await runtimeImportsOfFile(source))).toBe(true);
  });

  it('would notice zod in a verify-only entry', async () => {
    // The built-in verifier plus one schema module: the check must see zod come in.
    const imports = await runtimeImportsOfFile({
      contents: "export * from './src/senders/peridio/index.ts'; export { prnSchema } from './src/senders/peridio/events/prn-schema.ts';",
    });
    expect(loadsZod(imports)).toBe(true);
  });
});
