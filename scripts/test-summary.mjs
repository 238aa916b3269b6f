// Adds up the JSON reports of every vitest run of `npm test` and prints one closing line,
// "tests: N passed, N failed, N skipped", so a reader (or CI) sees the whole count at once.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const dir = new URL('../reports/vitest/', import.meta.url);
let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(dir)) {
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
    const report = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  }
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
