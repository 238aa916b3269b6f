// Fails when package.json "exports" or "typesVersions" is not what scripts/entries.mjs says
// (run sync:exports).
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { exportMap, typesVersions } from './entries.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
for (const [field, expected] of [['exports', exportMap()], ['typesVersions', typesVersions()]]) {
  if (!isDeepStrictEqual(pkg[field], expected)) {
    console.error(`package.json "${field}" is out of date: run \`npm run sync:exports\``);
    process.exitCode = 1;
  }
}
