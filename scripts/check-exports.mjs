// Fails when package.json "exports" or "typesVersions", or typedoc.json "entryPoints", is not
// what scripts/entries.mjs says (run sync:exports).
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import ts from 'typescript';
import { entries, exportMap, typesVersions } from './entries.mjs';

const read = (name) => readFileSync(new URL(`../${name}`, import.meta.url), 'utf8');
const pkg = JSON.parse(read('package.json'));
// typedoc reads its JSON with TypeScript's reader, comments included; so does this check.
const typedoc = ts.parseConfigFileTextToJson('typedoc.json', read('typedoc.json'));
if (typedoc.error) throw new Error(`typedoc.json: ${ts.flattenDiagnosticMessageText(typedoc.error.messageText, '\n')}`);

const checks = [
  ['package.json "exports"', pkg.exports, exportMap()],
  ['package.json "typesVersions"', pkg.typesVersions, typesVersions()],
  ['typedoc.json "entryPoints"', typedoc.config.entryPoints, Object.values(entries)],
];
for (const [name, actual, expected] of checks) {
  if (!isDeepStrictEqual(actual, expected)) {
    console.error(`${name} is out of date: run \`npm run sync:exports\``);
    process.exitCode = 1;
  }
}
