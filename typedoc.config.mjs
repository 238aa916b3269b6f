import { entries } from './scripts/entries.mjs';

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  entryPoints: Object.values(entries),
  out: 'docs/api',
  tsconfig: 'tsconfig.build.json',
  treatWarningsAsErrors: true,
  excludePrivate: true,
  excludeInternal: true,
  readme: 'README.md',
  name: 'hookverify',
  // Source links need a hosted git remote; a clean clone in CI has none worth linking to.
  disableSources: true,
};
