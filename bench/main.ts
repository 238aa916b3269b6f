// `npm run bench`: hookverify against hand-written floors and other libraries, interleaved
// rounds, medians and per-round ratios. Prints markdown and writes JSON.
//
//   npm run bench                     full run, writes bench/results/latest.json
//   npm run bench -- --quick          a few short rounds (CI), writes bench/results/quick.tmp.json
//   npm run bench -- --only contender groups whose id contains the text
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { buildGroups } from './cases.js';
import { SIZES } from './fixtures.js';
import { runGroup } from './harness.js';
import { checkTargets, markdownTables, targetTable, type SizedResult } from './report.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const out = args.includes('--out')
  ? args[args.indexOf('--out') + 1]!
  : quick
    ? 'bench/results/quick.tmp.json'
    : 'bench/results/latest.json';
const options = quick ? { rounds: 3, batchMs: 2 } : { rounds: 41, batchMs: 25 };

const builders = buildGroups(SIZES);

/** Runs group `index` in this process: sanity check, then timing. */
async function runOne(index: number): Promise<SizedResult | undefined> {
  const planned = await builders[index]!();
  if (only && !planned.group.id.includes(only)) return undefined;
  await planned.sanity();
  const result = await runGroup(planned.group, options);
  return { section: planned.section, size: planned.size, result };
}

// A child process runs one group and reports it on stdout.
if (args.includes('--group-index')) {
  const result = await runOne(Number(args[args.indexOf('--group-index') + 1]));
  process.stdout.write(JSON.stringify(result ?? null));
  process.exit(0);
}

// Each group runs in a fresh process: otherwise code shared by groups (the floors, the
// verifier, JSON.parse sites) carries the type feedback of every earlier group, and the JIT
// state of one process decides several rows at once.
const started = Date.now();
const results: SizedResult[] = [];
for (let index = 0; index < builders.length; index++) {
  const output = execFileSync(process.execPath, [...process.execArgv, process.argv[1]!, ...args, '--group-index', String(index)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  const sized = JSON.parse(output) as SizedResult | null;
  if (!sized) continue;
  results.push(sized);
  const summary = sized.result.cases.map((entry) => `${entry.name} ${entry.ratio.toFixed(2)}x`).join(', ');
  console.error(`${sized.result.id}: ${summary}`);
}

const targets = checkTargets(results, SIZES);
const meta = {
  date: new Date().toISOString(),
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  mode: quick ? 'quick' : 'full',
  rounds: options.rounds,
  batchMs: options.batchMs,
  clock: 'process CPU time (user + system)',
  seconds: Math.round((Date.now() - started) / 1000),
};
const markdown = `${markdownTables(results, SIZES)}\n### Targets\n\n${targetTable(targets)}\n`;
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ meta, targets, markdown, groups: results }, null, 2)}\n`);

console.log(`## hookverify benchmark (${meta.mode}, ${meta.node}, ${meta.cpu} x${meta.cores}, ${meta.date})\n`);
console.log(markdown);
console.log(`JSON: ${out}`);
