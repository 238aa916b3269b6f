// The evidence links of docs/threat-model.md, and whether each still holds. A claim there is
// backed by a link whose text is a test's name in backticks and whose target is its test file,
// [`refuses a tampered body`](../test/senders/peridio/verifier.test.ts), or a line of the
// benchmark results, [`reject (forged, safeVerify)`](../bench/RESULTS.md). A name may start with
// the titles of the blocks around the test ("peridio: headers > answers missing_header ...") and
// use `*` for a part that varies (a run count, a backend). Checked against vitest's JSON
// reports, so a renamed, deleted, skipped or failing test shows as a broken claim.

export interface Reference {
  /** 1-based line in the document. */
  readonly line: number;
  /** The link text without its backticks; undefined when the text is not one code span. */
  readonly name: string | undefined;
  /** The target relative to the repository root, e.g. `test/core/body.test.ts`. */
  readonly target: string;
}

/** One test as a vitest JSON report lists it. */
export interface TestResult {
  /** Relative to the repository root. */
  readonly file: string;
  /** The titles of its enclosing blocks, then its own. */
  readonly path: readonly string[];
  /** `passed`, `failed`, `skipped`, `pending`, `todo` or `disabled`. */
  readonly status: string;
}

export interface CheckResult {
  readonly problems: string[];
  /** Claims whose tests did not run here (a skipped suite): problems under CI. */
  readonly warnings: string[];
}

const EVIDENCE_LINK = /\[([^\]]*)\]\(\.\.\/((?:test|bench)\/[^)\s]*)\)/g;
const CODE_SPAN = /^`([^`]+)`$/;
const SEGMENT_SEPARATOR = ' > ';
export const BENCH_RESULTS = 'bench/RESULTS.md';

/** Every link from the document (which lives in docs/) into test/ or bench/. */
export function parseReferences(markdown: string): Reference[] {
  const references: Reference[] = [];
  markdown.split('\n').forEach((text, index) => {
    for (const match of text.matchAll(EVIDENCE_LINK)) {
      references.push({ line: index + 1, name: CODE_SPAN.exec(match[1]!)?.[1], target: match[2]! });
    }
  });
  return references;
}

/** `text` as a whole-string pattern in which `wildcard` stands for any text. */
function patternOf(text: string, wildcard: string): RegExp {
  const literal = text.split(wildcard).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${literal.join('[^]*')}$`);
}

// vitest prints a long table parameter shortened to 40 characters ending in "…"; the document
// names the case in full, so a shortened title matches any name it is the start of.
const SHORTENED = '\u2026';

function segmentMatches(wanted: string, title: string): boolean {
  if (title.includes(SHORTENED) && !wanted.includes('*')) return patternOf(title, SHORTENED).test(wanted);
  return patternOf(wanted, '*').test(title);
}

/** Whether `name` ("test", or "block > test") names the test at `path`. */
export function namesTest(name: string, path: readonly string[]): boolean {
  const wanted = name.split(SEGMENT_SEPARATOR);
  if (wanted.length > path.length) return false;
  const tail = path.slice(path.length - wanted.length);
  return wanted.every((segment, i) => segmentMatches(segment, tail[i]!));
}

export interface CheckContext {
  readonly results: readonly TestResult[];
  /** Under CI a skipped backing test is a problem, not a warning. */
  readonly ci: boolean;
  /** The text of a repository file, or undefined when there is none. */
  readonly readText: (path: string) => string | undefined;
}

const NOT_RUN = new Set(['skipped', 'pending', 'todo', 'disabled']);

function checkTest(reference: Reference & { name: string }, context: CheckContext, where: string, result: CheckResult): void {
  const inFile = context.results.filter((test) => test.file === reference.target);
  if (inFile.length === 0) {
    const exists = context.readText(reference.target) !== undefined;
    result.problems.push(
      exists
        ? `${where}: ${reference.target} is in no test report (run its suite first: npm test writes reports/vitest/)`
        : `${where}: ${reference.target} does not exist`,
    );
    return;
  }
  const named = inFile.filter((test) => namesTest(reference.name, test.path));
  if (named.length === 0) {
    result.problems.push(`${where}: ${reference.target} has no test named "${reference.name}"`);
  } else if (named.some((test) => test.status === 'failed')) {
    result.problems.push(`${where}: "${reference.name}" fails`);
  } else if (named.every((test) => NOT_RUN.has(test.status))) {
    (context.ci ? result.problems : result.warnings).push(`${where}: "${reference.name}" did not run (${named[0]!.status})`);
  }
}

/** What no longer holds among the references of the document. */
export function checkReferences(references: readonly Reference[], context: CheckContext): CheckResult {
  const result: CheckResult = { problems: [], warnings: [] };
  if (references.length === 0) result.problems.push('the document links no test: every claim must name one');
  for (const reference of references) {
    const where = `line ${reference.line}`;
    if (reference.name === undefined) {
      result.problems.push(`${where}: the link to ${reference.target} must have a test name in backticks as its text`);
    } else if (reference.target.startsWith('bench/')) {
      if (reference.target !== BENCH_RESULTS) {
        result.problems.push(`${where}: benchmark claims link ${BENCH_RESULTS}, not ${reference.target}`);
      } else if (!(context.readText(BENCH_RESULTS) ?? '').includes(reference.name)) {
        result.problems.push(`${where}: ${BENCH_RESULTS} has no line with "${reference.name}"`);
      }
    } else {
      checkTest({ ...reference, name: reference.name }, context, where, result);
    }
  }
  return result;
}
