// Rewrites package.json "exports", "typesVersions" (and main/module/types) from scripts/entries.mjs.
import { readFileSync, writeFileSync } from 'node:fs';
import { exportMap, typesVersions } from './entries.mjs';

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
