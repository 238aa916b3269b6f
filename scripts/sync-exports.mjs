// Rewrites package.json "exports" (and main/module/types) from scripts/entries.mjs.
import { readFileSync, writeFileSync } from 'node:fs';
import { exportMap } from './entries.mjs';

const path = new URL('../package.json', import.meta.url);
const pkg = JSON.parse(readFileSync(path, 'utf8'));
pkg.main = './dist/index.cjs';
pkg.module = './dist/index.js';
pkg.types = './dist/index.d.ts';
pkg.exports = exportMap();
writeFileSync(path, `${JSON.stringify(pkg, null, 2)}\n`);
