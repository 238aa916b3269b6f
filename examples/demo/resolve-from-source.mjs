// Module resolution hooks for `npm run demo` (registered by from-source.mjs): `hookverify` and
// `hookverify/<subpath>` resolve to the source file of that entry point, from the same list the
// package's export map is generated from (scripts/entries.mjs), and tsx compiles it. The demo
// imports exactly what an installed package offers, without waiting a minute for a build.
import { entries } from '../../scripts/entries.mjs';

const root = new URL('../../', import.meta.url);
const PACKAGE = 'hookverify';

export async function resolve(specifier, context, nextResolve) {
  if (specifier === PACKAGE || specifier.startsWith(`${PACKAGE}/`)) {
    const file = entries[`.${specifier.slice(PACKAGE.length)}`];
    // Anything else (schemas/*, package.json, or a path the package does not export) takes
    // Node's own resolution through the export map, refusals included.
    if (file !== undefined) return nextResolve(new URL(file, root).href, context);
  }
  return nextResolve(specifier, context);
}
