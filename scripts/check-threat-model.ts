// Fails when docs/threat-model.md names a test that is gone, renamed, failing or (under CI)
// skipped, or a benchmark line that bench/RESULTS.md no longer has. Reads the JSON reports the
// vitest runs of `npm test` write (reports/vitest/*.json), or the report files given:
//
//   npx tsx scripts/check-threat-model.ts                       after npm test (scripts/ci/55-threat-model.sh)
//   npx tsx scripts/check-threat-model.ts /tmp/report.json      after npx vitest run <files> --reporter=json --outputFile.json=/tmp/report.json
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkReferences, parseReferences, type TestResult } from './threat-model-references.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DOCUMENT = 'docs/threat-model.md';

interface VitestReport {
  readonly testResults: readonly {
    readonly name: string;
    readonly assertionResults: readonly { readonly ancestorTitles: readonly string[]; readonly title: string; readonly status: string }[];
  }[];
}

function reportFiles(): string[] {
  if (process.argv.length > 2) return process.argv.slice(2).map((file) => resolve(file));
  const dir = join(root, 'reports', 'vitest');
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')).map((name) => join(dir, name)) : [];
}

function testResults(files: readonly string[]): TestResult[] {
  return files.flatMap((file) =>
    (JSON.parse(readFileSync(file, 'utf8')) as VitestReport).testResults.flatMap((suite) =>
      suite.assertionResults.map((test) => ({
        file: relative(root, suite.name),
        path: [...test.ancestorTitles, test.title],
        status: test.status,
      })),
    ),
  );
}

const readText = (path: string) => {
  const file = join(root, path);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
};

const references = parseReferences(readText(DOCUMENT) ?? '');
const files = reportFiles();
const { problems, warnings } = checkReferences(references, { results: testResults(files), ci: process.env.CI === 'true', readText });
for (const warning of warnings) console.warn(`${DOCUMENT} ${warning}`);
if (problems.length > 0) {
  for (const problem of problems) console.error(`${DOCUMENT} ${problem}`);
  if (files.length === 0) console.error('no vitest JSON reports found: run npm test, or pass report files');
  process.exit(1);
}
const notRun = warnings.length > 0 ? `, ${warnings.length} of them not run here` : '';
console.log(`${DOCUMENT}: ${references.length} references to passing tests and benchmark lines${notRun}`);
