// Rewrites, from scripts/entries.mjs: package.json "exports", "typesVersions" (and
// main/module/types), and the "entryPoints" of typedoc.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { entries, exportMap, typesVersions } from './entries.mjs';

const path = new URL('../package.json', import.meta.url);
const pkg = JSON.parse(readFileSync(path, 'utf8'));
pkg.main = './dist/index.cjs';
pkg.module = './dist/index.js';
pkg.types = './dist/index.d.ts';
pkg.exports = exportMap();
// typesVersions right after the map it mirrors.
const { typesVersions: _previous, ...rest } = pkg;
const ordered = Object.fromEntries(
  Object.entries(rest).flatMap(([key, value]) => (key === 'exports' ? [[key, value], ['typesVersions', typesVersions()]] : [[key, value]])),
);
writeFileSync(path, `${JSON.stringify(ordered, null, 2)}\n`);

// typedoc.json has comments, so only its list is replaced, in place (a list of paths holds no "]").
const typedoc = new URL('../typedoc.json', import.meta.url);
const list = Object.values(entries).map((file) => `    ${JSON.stringify(file)}`).join(',\n');
const text = readFileSync(typedoc, 'utf8');
const pattern = /"entryPoints": \[[^\]]*\]/;
if (!pattern.test(text)) throw new Error('typedoc.json has no "entryPoints" list to rewrite');
writeFileSync(typedoc, text.replace(pattern, `"entryPoints": [\n${list}\n  ]`));
