// Prints README's runtime table from reports/runtimes.json, which the runtime suite writes
// (scripts/ci/66-runtimes.sh); test/runtimes/runtimes.e2e.ts fails while README says otherwise.
import { readFileSync } from 'node:fs';

const { rows } = JSON.parse(readFileSync(new URL('../reports/runtimes.json', import.meta.url), 'utf8'));
console.log('| runtime | version tested | server | backends tested | default backend | tests |');
console.log('| --- | --- | --- | --- | --- | ---: |');
for (const row of rows) console.log(`| ${[row.runtime, row.version, row.server, row.backends, row.defaultBackend, row.tests].join(' | ')} |`);
