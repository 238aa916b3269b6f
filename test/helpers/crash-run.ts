// The crash scenario of the queue hand-offs (issue #13), for any engine: one receiver process
// and two worker processes; a simulated sender delivers signed Peridio deliveries (20% of them
// duplicates) in random order, 20 in flight, and retries every non-2xx answer or dropped
// connection later, out of order. Workers are SIGKILLed four times, as completions pass random
// marks, and the receiver once, at a random point of the sending; a supervisor restarts each.
import { expect } from 'vitest';
import { auditLogBody, signPeridio } from '../adapters/fixtures.js';
import { supervise } from './child-programs.js';
import { eventually } from './queue-receiver.js';
import { freePort } from './redis-server.js';

/** What the scenario needs of an engine: its programs, and where they counted what they did. */
export interface CrashEngine {
  readonly receiverFile: string;
  readonly workerFile: string;
  readonly env: Record<string, string>;
  /** Makes these events fail on every attempt. */
  poison(prns: readonly string[]): Promise<void>;
  /** Which of these dedupe keys the store holds as completed: the truth of "done". */
  completedKeys(keys: readonly string[]): Promise<Set<string>>;
  /** Events dead-lettered so far. */
  deadLetterCount(): Promise<number>;
  /**
   * Completions recorded per key, counted by the workers just after the store accepted each (a
   * worker killed in between counts none: this can miss a double, never invent one), side
   * effects per delivery id, and the dead letters' delivery ids.
   */
  results(): Promise<{ completions: Record<string, number>; effects: Record<string, number>; deadLettered: string[] }>;
}

export interface CrashFigures {
  readonly deliveries: number;
  readonly events: number;
  readonly sentMs: number;
  readonly settledMs: number;
  readonly answers: Record<string, number>;
  readonly retries: number;
  readonly kills: string[];
  readonly lost: string[];
  readonly completionsRecordedTwice: number;
  readonly effectsAppliedTwice: number;
  readonly deadLettered: string[];
  readonly poison: string[];
}

export async function runCrashScenario(engine: CrashEngine, deliveries: number): Promise<CrashFigures> {
  const unique = Math.round(deliveries * 0.8);
  const port = await freePort();
  const env = { ...engine.env, PORT: String(port) };
  const bodies = Array.from({ length: unique }, () => auditLogBody());
  const prns = bodies.map((body) => (JSON.parse(body) as { prn: string }).prn);
  const poison = prns.slice(0, Math.max(1, Math.round(unique * 0.01)));
  const keys = prns.map((prn) => `peridio:${prn}`);
  const settledCount = async () => (await engine.completedKeys(keys)).size + (await engine.deadLetterCount());
  await engine.poison(poison);

  const receiver = await supervise(engine.receiverFile, env);
  const workers = await Promise.all([supervise(engine.workerFile, env), supervise(engine.workerFile, env)]);
  const order = [...bodies.keys(), ...Array.from({ length: deliveries - unique }, () => Math.floor(Math.random() * unique))];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }

  const url = `http://127.0.0.1:${port}/webhooks/peridio`;
  const answers: Record<string, number> = {};
  let acknowledged = 0;
  let retries = 0;
  async function deliver(index: number): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const signed = await signPeridio(bodies[index]!);
      let status = 0;
      try {
        status = (await fetch(url, { method: 'POST', headers: signed.headers, body: signed.body })).status;
      } catch {
        // The receiver was killed: the connection dropped, as a sender would see it.
      }
      answers[status] = (answers[status] ?? 0) + 1;
      if (status >= 200 && status < 300) return void acknowledged++;
      if (attempt === 200) throw new Error(`delivery ${index} refused ${attempt} times (last: ${status})`);
      retries++;
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 200));
    }
  }

  // The faults, at random points of the sending (so they happen however fast the machine):
  // the receiver once, the workers four times, each restarted as a supervisor would. Kills of
  // one program wait for its previous restart.
  const marks = new Map<number, 'receiver' | 0 | 1>();
  marks.set(Math.floor(deliveries * (0.2 + Math.random() * 0.5)), 'receiver');
  while (marks.size < 5) marks.set(Math.floor(deliveries * (0.1 + Math.random() * 0.7)), Math.random() < 0.5 ? 0 : 1);
  const kills: string[] = [];
  const restarting = new Map<string, Promise<void>>();
  function fault(index: number): void {
    const target = marks.get(index);
    if (target === undefined) return;
    const program = target === 'receiver' ? receiver : workers[target]!;
    const name = target === 'receiver' ? 'receiver' : `worker ${target}`;
    const previous = restarting.get(name) ?? Promise.resolve();
    restarting.set(
      name,
      previous.then(async () => {
        kills.push(`${name} at delivery ${index} (${acknowledged} acknowledged)`);
        await program.killAndRestart();
      }),
    );
  }

  const started = Date.now();
  try {
    let next = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (next < order.length) {
          const index = next++;
          fault(index);
          await deliver(order[index]!);
        }
      }),
    );
    const sentMs = Date.now() - started;
    await Promise.all(restarting.values());
    let settled = 0;
    await eventually(async () => (settled = await settledCount()) >= unique, 60_000, 'every event completed or dead-lettered').catch((error: Error) => {
      throw new Error(`${error.message}: ${settled} of ${unique} settled`);
    });
    const settledMs = Date.now() - started;
    const { completions, effects, deadLettered } = await engine.results();
    const completed = await engine.completedKeys(keys);
    const dead = new Set(deadLettered);
    return {
      deliveries,
      events: unique,
      sentMs,
      settledMs,
      answers,
      retries,
      kills,
      lost: prns.filter((prn) => !completed.has(`peridio:${prn}`) && !dead.has(prn)),
      completionsRecordedTwice: Object.values(completions).filter((count) => count > 1).length,
      effectsAppliedTwice: Object.values(effects).filter((count) => count > 1).length,
      deadLettered: [...dead].sort(),
      poison: [...poison].sort(),
    };
  } finally {
    await Promise.allSettled(restarting.values());
    await Promise.all([receiver, ...workers].map((program) => program.stop()));
  }
}

/** Prints the figures (for the closing note) and checks what the issue asks of every engine. */
export function expectNothingLost(engine: string, figures: CrashFigures): void {
  console.info(JSON.stringify({ engine, ...figures, lost: figures.lost.length, deadLettered: figures.deadLettered.length, poison: undefined }));
  expect(figures.kills).toHaveLength(5);
  expect(figures.lost).toEqual([]);
  expect(figures.completionsRecordedTwice).toBe(0);
  expect(figures.deadLettered).toEqual(figures.poison);
}
