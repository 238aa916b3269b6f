// Turns group results into the targets of issue #6 and into markdown tables.
import type { SectionId } from './cases.js';
import type { GroupResult } from './harness.js';
import { sizeLabel } from './fixtures.js';

export interface SizedResult {
  readonly section: SectionId;
  readonly size: number;
  readonly result: GroupResult;
}

export interface TargetCheck {
  readonly target: string;
  /** The lowest ratio the target constrains, as measured; undefined when not measured. */
  readonly measured: number | undefined;
  readonly threshold: number;
  readonly pass: boolean;
  readonly detail: string;
}

function ratioOf(results: readonly SizedResult[], groupId: string, caseName: string): number | undefined {
  const group = results.find((entry) => entry.result.id === groupId)?.result;
  return group?.cases.find((entry) => entry.name === caseName)?.ratio;
}

function check(target: string, threshold: number, measured: readonly [string, number | undefined][]): TargetCheck {
  const known = measured.filter((entry): entry is [string, number] => entry[1] !== undefined);
  const lowest = known.length > 0 ? Math.min(...known.map((entry) => entry[1])) : undefined;
  return {
    target,
    threshold,
    measured: lowest,
    pass: lowest !== undefined && known.length === measured.length && lowest >= threshold,
    detail: measured.map(([label, value]) => `${label} ${value === undefined ? 'n/a' : value.toFixed(2)}`).join(', '),
  };
}

/** Every target of the issue, read from one run. */
export function checkTargets(results: readonly SizedResult[], sizes: readonly number[]): TargetCheck[] {
  const at = (prefix: string, name: string, only?: readonly number[]) =>
    (only ?? sizes).filter((size) => sizes.includes(size)).map((size): [string, number | undefined] => [sizeLabel(size), ratioOf(results, `${prefix}-${size}`, name)]);
  const small = sizes.filter((size) => size <= 1024);
  const large = sizes.filter((size) => size > 1024);
  const targets: TargetCheck[] = [];
  for (const [scheme, label] of [['peridio', 'Peridio'], ['sw', 'Standard Webhooks']] as const) {
    if (small.length > 0) {
      targets.push(check(`Signature only, ${label}, 1 KB >= 0.85x floor`, 0.85, at(`signature-${scheme}`, 'hookverify verifySignature', small)));
    }
    if (large.length > 0) {
      targets.push(check(`Signature only, ${label}, 16/256 KB >= 0.90x floor`, 0.9, at(`signature-${scheme}`, 'hookverify verifySignature', large)));
    }
    targets.push(check(`verify + JSON.parse, ${label} >= 0.85x floor + parse`, 0.85, at(`parse-${scheme}`, 'hookverify verify')));
  }
  targets.push(check('Typed (verify + parse + zod), Peridio, 1 KB >= 0.5x floor + parse', 0.5, at('typed-peridio', 'hookverify verify + peridioEvents.parse', [1024])));
  targets.push(check('Secret rolling >= 0.85x floor with 2 HMACs', 0.85, at('rolling-peridio', 'hookverify verifySignature')));
  targets.push(
    check('Rejecting a forged delivery >= 1.0x accepting a valid one (1 KB, safeVerify)', 1.0, [
      ['1 KB', ratioOf(results, 'rejection-peridio-1024', 'reject (forged, safeVerify)')],
    ]),
  );
  for (const [contender, name] of [
    ['standardwebhooks', 'hookverify verify'],
    ['svix', 'hookverify verify'],
    ['octokit', 'hookverify verifySignature'],
    ['stripe', 'hookverify verify'],
  ] as const) {
    targets.push(check(`Faster than ${contender} at every size (> 1.0x)`, 1.0, at(`contender-${contender}`, name)));
  }
  targets.push(check('Web Crypto backend >= 0.9x crypto.subtle floor', 0.9, at('web-peridio', 'hookverify verifySignature (web)')));
  return targets;
}

function formatNs(ns: number): string {
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(2)} ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(1)} µs`;
  return `${ns.toFixed(0)} ns`;
}

const SECTION_TITLES: Record<SectionId, string> = {
  signature: 'Signature check alone (ratio to the node:crypto floor of the same scheme)',
  parse: 'Verify + JSON.parse (ratio to floor + JSON.parse)',
  typed: 'Fully typed: verify + parse + zod validation of the Peridio event (ratio to floor + JSON.parse)',
  rolling: 'Secret rolling: two active secrets, signed by the second (ratio to a floor computing two HMACs)',
  rejection: 'Refusing a forged delivery (ratio to accepting a valid one, same verifier, 1 KB)',
  contenders: 'Contenders on their own scheme (ratio to the contender; > 1 means hookverify is faster)',
  web: 'Web Crypto backend, key imported once (ratio to a hand-written crypto.subtle floor)',
};

/**
 * One table per section: a row per (scheme, case), a column per size; each cell is the median
 * of per-round ratios to the group's baseline, with the median time per call.
 */
export function markdownTables(results: readonly SizedResult[], sizes: readonly number[]): string {
  const out: string[] = [];
  for (const section of Object.keys(SECTION_TITLES) as SectionId[]) {
    const inSection = results.filter((entry) => entry.section === section);
    if (inSection.length === 0) continue;
    const columns = sizes.filter((size) => inSection.some((entry) => entry.size === size));
    out.push(`### ${SECTION_TITLES[section]}`, '');
    out.push(`| group | case | ${columns.map(sizeLabel).join(' | ')} |`);
    out.push(`|---|---|${columns.map(() => '---:').join('|')}|`);
    const groupKeys = [...new Set(inSection.map((entry) => entry.result.id.replace(/-\d+$/, '')))];
    for (const key of groupKeys) {
      const bySize = new Map(inSection.filter((entry) => entry.result.id.replace(/-\d+$/, '') === key).map((entry) => [entry.size, entry.result]));
      const first = [...bySize.values()][0]!;
      const groupLabel = first.title.replace(/, \d+ KB$/, '');
      for (const caseResult of first.cases) {
        const cells = columns.map((size) => {
          const found = bySize.get(size)?.cases.find((entry) => entry.name === caseResult.name);
          if (!found) return '';
          const ratio = found.name === first.baseline ? '1' : `**${found.ratio.toFixed(2)}x**`;
          return `${ratio} (${formatNs(found.nsPerOp)})`;
        });
        out.push(`| ${groupLabel} | ${caseResult.name} | ${cells.join(' | ')} |`);
      }
    }
    out.push('');
  }
  return out.join('\n');
}

export function targetTable(targets: readonly TargetCheck[]): string {
  const lines = ['| target | lowest measured | per size | met |', '|---|---:|---|---|'];
  for (const target of targets) {
    lines.push(
      `| ${target.target} | ${target.measured === undefined ? 'n/a' : `${target.measured.toFixed(2)}x`} | ${target.detail} | ${target.pass ? 'yes' : '**no**'} |`,
    );
  }
  return lines.join('\n');
}
