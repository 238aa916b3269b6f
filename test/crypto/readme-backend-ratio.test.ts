// The README's node:crypto-versus-Web-Crypto figure is the benchmark's, not a guess: its times
// are those of bench/results/latest.json (which bench/RESULTS.md is generated from) and of the
// sequential-loop notes, and "about N times" is their ratio, rounded.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

interface BenchGroup {
  readonly size: number;
  readonly result: { readonly id: string; readonly cases: readonly { readonly name: string; readonly nsPerOp: number }[] };
}

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const microseconds = (id: string, name: string): number => {
  const groups = (JSON.parse(read('bench/results/latest.json')) as { groups: BenchGroup[] }).groups;
  const found = groups.find((group) => group.result.id === id)?.result.cases.find((entry) => entry.name === name);
  if (!found) throw new Error(`no ${name} in ${id}`);
  return Math.round(found.nsPerOp / 100) / 10;
};

it('README states the measured 1 KB ratio of the node:crypto and Web Crypto backends', () => {
  const readme = read('README.md').replace(/\s+/g, ' ');
  const claim = /checks a 1 KB Peridio signature about (\d+) times faster than the Web Crypto backend \(\[bench\/RESULTS\.md\]\(bench\/RESULTS\.md\): `verifySignature` ([\d.]+) µs against ([\d.]+) µs with Web Crypto; about (\d+) times, ([\d.]+) µs against ([\d.]+) µs, in its long sequential loops\)/.exec(readme);
  expect(claim, 'the README sentence comparing the backends').not.toBeNull();
  const [, ratio, node, web, sequentialRatio, sequentialNode, sequentialWeb] = claim!.map(Number);

  expect(node).toBe(microseconds('signature-peridio-1024', 'hookverify verifySignature'));
  expect(web).toBe(microseconds('web-peridio-1024', 'hookverify verifySignature (web)'));
  expect(ratio).toBe(Math.round(web! / node!));

  const notes = read('bench/RESULTS.md').replace(/\s+/g, ' ');
  expect(notes).toContain(`hookverify \`verifySignature\` ${sequentialNode} µs vs`);
  expect(notes).toContain(`Web Crypto backend ${sequentialWeb} µs vs`);
  expect(sequentialRatio).toBe(Math.round(sequentialWeb! / sequentialNode!));
});
