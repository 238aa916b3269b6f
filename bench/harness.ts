// An interleaved micro-benchmark harness. Every case of a group runs one timed batch per round,
// in a rotating order, so that drift (thermal, GC, a noisy neighbour) hits every case alike; a
// ratio is taken between cases of the same round, and the medians over rounds are reported.
// Built by hand rather than on a framework because per-round ratios are the quantity we need
// and no library reports them.
//
// Time is the CPU time of the process (process.cpuUsage: user + system, every thread), not the
// wall clock: on a shared machine the wall clock also counts the time other processes held the
// CPU, which says nothing about the code measured. Wall time is kept alongside for reference.

/** One measured function. `async` cases are awaited one call at a time, as a handler would. */
export interface BenchCase {
  readonly name: string;
  readonly fn: () => unknown;
  readonly async?: boolean;
}

/** Cases measured side by side; ratios are to `baseline` (a case name of the group). */
export interface BenchGroup {
  readonly id: string;
  readonly title: string;
  readonly baseline: string;
  readonly cases: readonly BenchCase[];
}

export interface HarnessOptions {
  /** Rounds per group. */
  readonly rounds: number;
  /** Target duration of one timed batch, in milliseconds. */
  readonly batchMs: number;
}

export interface CaseResult {
  readonly name: string;
  /** Median operations per second over the rounds. */
  readonly opsPerSec: number;
  /** Median nanoseconds per operation. */
  readonly nsPerOp: number;
  /** Median over rounds of (this case's ops/s) / (baseline's ops/s in the same round). */
  readonly ratio: number;
  /** Lowest and highest per-round ratio. */
  readonly ratioMin: number;
  readonly ratioMax: number;
  readonly rounds: readonly number[];
  /** Median wall-clock operations per second, for reference. */
  readonly wallOpsPerSec: number;
}

export interface GroupResult {
  readonly id: string;
  readonly title: string;
  readonly baseline: string;
  readonly iterations: Readonly<Record<string, number>>;
  readonly cases: readonly CaseResult[];
}

/** Median of a list of numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

// Results are written here so that no call can be removed as dead code.
let sink: unknown;
export function consume(value: unknown): void {
  sink = value;
}
export function lastSink(): unknown {
  return sink;
}

interface Timing {
  /** CPU nanoseconds. */
  readonly cpu: number;
  /** Wall-clock nanoseconds. */
  readonly wall: number;
}

async function timeBatch(entry: BenchCase, iterations: number): Promise<Timing> {
  const fn = entry.fn;
  let last: unknown;
  const wallStart = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  if (entry.async) {
    for (let i = 0; i < iterations; i++) last = await fn();
  } else {
    for (let i = 0; i < iterations; i++) last = fn();
  }
  const cpu = process.cpuUsage(cpuStart);
  const wall = process.hrtime.bigint() - wallStart;
  sink = last;
  return { cpu: Math.max(1, (cpu.user + cpu.system) * 1000), wall: Number(wall) };
}

/**
 * Runs a case for about `ms` of CPU time, untimed. The first calls pay once for what later
 * calls do not (lazy compilation, a key imported on first use, zod generating an object
 * parser); sized on those, a case got batches of about 50 calls instead of about 1,000: in the
 * run of 2 December 07:22 the typed and the awaited signature rows ran 1.4 ms batches against
 * their floors' 25 ms.
 */
async function warmUp(entry: BenchCase, ms: number): Promise<void> {
  let spent = 0;
  for (let iterations = 16; spent < ms * 1e6; iterations = Math.min(iterations * 2, 1 << 20)) {
    spent += (await timeBatch(entry, iterations)).cpu;
  }
}

/** Finds how many calls fill about `batchMs`, after a warm-up that lets the JIT settle. */
async function calibrate(entry: BenchCase, batchMs: number): Promise<number> {
  await warmUp(entry, 4 * batchMs);
  let iterations = 16;
  while (iterations < 1 << 24 && (await timeBatch(entry, iterations)).cpu < batchMs * 1e6 * 0.25) iterations *= 2;
  // Process CPU time counts every thread, so one batch can also carry a collection's marking on
  // a helper thread; sized on that one, a case got 47 calls a batch against its floor's 963.
  // Size on the fastest of three.
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) fastest = Math.min(fastest, (await timeBatch(entry, iterations)).cpu);
  return Math.max(1, Math.round((iterations * batchMs * 1e6) / fastest));
}

/** Runs one group: calibration, then `rounds` interleaved rounds. */
export async function runGroup(group: BenchGroup, options: HarnessOptions): Promise<GroupResult> {
  // No forced collection, before or between batches (each group runs in a fresh process).
  // Until 2 December 2026 every batch started with one: the calls after it ran about 2.5 times
  // slower for tens of milliseconds (a 1 KB Peridio verify + parse took 16 µs a call that way
  // and 6 µs back to back, as a server runs it), which pulled every ratio towards 1. Garbage one
  // case leaves for the next is spread over all cases by the rotating order.
  const iterations: Record<string, number> = {};
  for (const entry of group.cases) iterations[entry.name] = await calibrate(entry, options.batchMs);
  const perRound: number[][] = group.cases.map(() => []);
  const wallPerRound: number[][] = group.cases.map(() => []);
  for (let round = 0; round < options.rounds; round++) {
    for (let k = 0; k < group.cases.length; k++) {
      // Rotate the order every round so that no case always runs right after the same one.
      const index = (k + round) % group.cases.length;
      const entry = group.cases[index]!;
      const n = iterations[entry.name]!;
      const timing = await timeBatch(entry, n);
      perRound[index]!.push((n * 1e9) / timing.cpu);
      wallPerRound[index]!.push((n * 1e9) / timing.wall);
    }
  }
  const baseIndex = group.cases.findIndex((entry) => entry.name === group.baseline);
  if (baseIndex === -1) throw new Error(`group ${group.id}: no baseline case "${group.baseline}"`);
  const base = perRound[baseIndex]!;
  const cases = group.cases.map((entry, i): CaseResult => {
    const ops = perRound[i]!;
    const ratios = ops.map((value, round) => value / base[round]!);
    const opsPerSec = median(ops);
    return {
      name: entry.name,
      opsPerSec,
      nsPerOp: 1e9 / opsPerSec,
      ratio: median(ratios),
      ratioMin: Math.min(...ratios),
      ratioMax: Math.max(...ratios),
      rounds: ops.map((value) => Math.round(value)),
      wallOpsPerSec: median(wallPerRound[i]!),
    };
  });
  return { id: group.id, title: group.title, baseline: group.baseline, iterations, cases };
}
