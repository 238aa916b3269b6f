// Fails when package.json "exports" is not what scripts/entries.mjs says (run sync:exports).
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { exportMap } from './entries.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
if (!isDeepStrictEqual(pkg.exports, exportMap())) {
  console.error('package.json "exports" is out of date: run `npm run sync:exports`');
  process.exit(1);
}
