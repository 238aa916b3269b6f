import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BENCH_RESULTS, checkReferences, namesTest, parseReferences, type TestResult } from '../../scripts/threat-model-references.js';

const DOC = [
  '# Threat model',
  '- Forgery: refused ([`refuses a tampered body`](../test/senders/peridio/verifier.test.ts)).',
  '- Floods: cheap ([`reject (forged, safeVerify)`](../bench/RESULTS.md)), and [the whole file](../test/hostile/catalogue.test.ts).',
  '- Not evidence: [the dedupe guide](dedupe.md), [source](../src/core/verifier.ts).',
].join('\n');

const results: TestResult[] = [
  { file: 'test/senders/peridio/verifier.test.ts', path: ['peridio: refused deliveries', 'refuses a tampered body'], status: 'passed' },
  { file: 'test/properties/tampering.test.ts', path: ['peridio: tampering', 'refuses a body with one byte changed (10000 cases)'], status: 'passed' },
  { file: 'test/dedupe/redis/redis-store.test.ts', path: ['createRedisStore against a real redis-server', 'with ioredis', 'fails closed'], status: 'skipped' },
  { file: 'test/core/body.test.ts', path: ['exceedsLimit', 'counts bytes'], status: 'failed' },
];
const files: Record<string, string> = {
  [BENCH_RESULTS]: '| Forged vs valid delivery | reject (forged, safeVerify) | **1.15x** |',
  'test/core/headers.test.ts': "it('reads headers')",
};
const context = { results, ci: false, readText: (path: string) => files[path] };
const check = (markdown: string, ci = false) => checkReferences(parseReferences(markdown), { ...context, ci });

describe('parseReferences', () => {
  it('reads the links into test/ and bench/, with their line and the test name in backticks', () => {
    expect(parseReferences(DOC)).toEqual([
      { line: 2, name: 'refuses a tampered body', target: 'test/senders/peridio/verifier.test.ts' },
      { line: 3, name: 'reject (forged, safeVerify)', target: 'bench/RESULTS.md' },
      { line: 3, name: undefined, target: 'test/hostile/catalogue.test.ts' },
    ]);
  });
});

describe('namesTest', () => {
  const path = ['catalogue of hostile deliveries (web backend)', 'a 64 KiB timestamp header -> malformed_header'];
  it('matches the test title alone, or with the titles of enclosing blocks', () => {
    expect(namesTest('a 64 KiB timestamp header -> malformed_header', path)).toBe(true);
    expect(namesTest('catalogue of hostile deliveries (* backend) > a 64 KiB timestamp header -> malformed_header', path)).toBe(true);
  });

  it('matches a table case the runner printed shortened, by its full name only', () => {
    const shortened = ["'a valid signature over a replayed, st\u2026' -> 'timestamp_too_old'"];
    expect(namesTest("'a valid signature over a replayed, stale timestamp' -> 'timestamp_too_old'", shortened)).toBe(true);
    expect(namesTest("'a valid signature over a replayed, stale timestamp' -> 'ok'", shortened)).toBe(false);
    expect(namesTest("'a valid signature over a fresh timestamp' -> 'timestamp_too_old'", shortened)).toBe(false);
  });

  it('does not match a part of a title, another block, or more blocks than there are', () => {
    expect(namesTest('a 64 KiB timestamp header', path)).toBe(false);
    expect(namesTest('catalogue of hostile configurations > a 64 KiB timestamp header -> malformed_header', path)).toBe(false);
    expect(namesTest(`outer > ${path.join(' > ')}`, path)).toBe(false);
    expect(namesTest('a 64 KiB timestamp header -> malformed_heade.', path)).toBe(false);
  });
});

describe('checkReferences', () => {
  it('accepts passing tests, wildcards for run counts, and benchmark lines', () => {
    const doc = [
      '[`refuses a tampered body`](../test/senders/peridio/verifier.test.ts)',
      '[`peridio: tampering > refuses a body with one byte changed (* cases)`](../test/properties/tampering.test.ts)',
      '[`reject (forged, safeVerify)`](../bench/RESULTS.md)',
    ].join('\n');
    expect(check(doc)).toEqual({ problems: [], warnings: [] });
  });

  it('fails on a renamed test, a missing file, a file no report covers, and a failing test', () => {
    const doc = [
      '[`refuses a tampered body, renamed`](../test/senders/peridio/verifier.test.ts)',
      '[`refuses a tampered body`](../test/senders/gone/verifier.test.ts)',
      '[`reads headers`](../test/core/headers.test.ts)',
      '[`counts bytes`](../test/core/body.test.ts)',
    ].join('\n');
    expect(check(doc).problems).toEqual([
      'line 1: test/senders/peridio/verifier.test.ts has no test named "refuses a tampered body, renamed"',
      'line 2: test/senders/gone/verifier.test.ts does not exist',
      'line 3: test/core/headers.test.ts is in no test report (run its suite first: npm test writes reports/vitest/)',
      'line 4: "counts bytes" fails',
    ]);
  });

  it('fails on a link without a test name, a benchmark line that is gone, and another bench file', () => {
    const doc = ['[the catalogue](../test/hostile/catalogue.test.ts)', '[`reject (forged, verify)`](../bench/RESULTS.md)', '[`x`](../bench/RESULTS.notes.md)'].join('\n');
    expect(check(doc).problems).toEqual([
      'line 1: the link to test/hostile/catalogue.test.ts must have a test name in backticks as its text',
      'line 2: bench/RESULTS.md has no line with "reject (forged, verify)"',
      'line 3: benchmark claims link bench/RESULTS.md, not bench/RESULTS.notes.md',
    ]);
  });

  it('warns about a skipped backing test, and fails on it under CI', () => {
    const doc = '[`with ioredis > fails closed`](../test/dedupe/redis/redis-store.test.ts)';
    expect(check(doc)).toEqual({ problems: [], warnings: ['line 1: "with ioredis > fails closed" did not run (skipped)'] });
    expect(check(doc, true)).toEqual({ problems: ['line 1: "with ioredis > fails closed" did not run (skipped)'], warnings: [] });
  });

  it('fails on a document that links no test at all', () => {
    expect(check('# Threat model\n\nEverything is fine.').problems).toEqual(['the document links no test: every claim must name one']);
  });
});

describe('docs/threat-model.md', () => {
  const references = parseReferences(readFileSync('docs/threat-model.md', 'utf8'));

  it('names a test or a benchmark line in every link into test/ and bench/, and only files that exist', () => {
    expect(references.length).toBeGreaterThan(40);
    for (const { line, name, target } of references) {
      expect(name, `line ${line}`).toBeDefined();
      expect(existsSync(target), `line ${line}: ${target}`).toBe(true);
      if (target === BENCH_RESULTS) expect(readFileSync(BENCH_RESULTS, 'utf8'), `line ${line}`).toContain(name);
      else expect(target, `line ${line}`).toMatch(/^test\/.+\.test\.ts$/);
    }
  });
});
