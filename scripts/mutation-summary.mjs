// Writes the Markdown summary of a Stryker JSON report (reports/ is not committed): the score
// per file and every surviving or uncovered mutant, one line each.
// Usage: node scripts/mutation-summary.mjs reports/mutation/mutation.json > summary.md
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2] ?? 'reports/mutation/mutation.json', 'utf8'));
const rows = [];
const survivors = [];
const total = { killed: 0, timeout: 0, survived: 0, noCoverage: 0 };
for (const [file, { source, mutants }] of Object.entries(report.files)) {
  const count = { killed: 0, timeout: 0, survived: 0, noCoverage: 0 };
  const lines = source.split('\n');
  for (const mutant of mutants) {
    const key = { Killed: 'killed', Timeout: 'timeout', Survived: 'survived', NoCoverage: 'noCoverage' }[mutant.status];
    if (!key) continue;
    count[key]++;
    total[key]++;
    if (key === 'survived' || key === 'noCoverage') {
      const line = mutant.location.start.line;
      const code = lines[line - 1].trim().replaceAll('|', '\\|').slice(0, 80);
      const replacement = String(mutant.replacement ?? '').replaceAll('|', '\\|').replaceAll('\n', ' ').slice(0, 50);
      survivors.push(`| ${file}:${line} | ${mutant.mutatorName}${key === 'noCoverage' ? ' (no coverage)' : ''} | \`${code}\` | \`${replacement}\` |`);
    }
  }
  rows.push({ file, ...count });
}
const score = (c) => {
  const all = c.killed + c.timeout + c.survived + c.noCoverage;
  return all === 0 ? 'n/a (no mutants)' : `${(((c.killed + c.timeout) / all) * 100).toFixed(2)}%`;
};
console.log('| file | score | killed | timed out | survived | no coverage |\n| --- | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) console.log(`| ${row.file} | ${score(row)} | ${row.killed} | ${row.timeout} | ${row.survived} | ${row.noCoverage} |`);
console.log(`| **all** | **${score(total)}** | ${total.killed} | ${total.timeout} | ${total.survived} | ${total.noCoverage} |`);
console.log('\n| where | mutator | original line | replacement |\n| --- | --- | --- | --- |');
for (const line of survivors) console.log(line);
