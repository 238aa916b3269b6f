import type { Deduplicator } from '../../src/dedupe/index.js';

/**
 * `distinct` events, each delivered once plus random duplicates up to `total` deliveries, in
 * random order: what a sender that retries and a network that duplicates produce together.
 */
export function shuffledDeliveries(distinct: number, total: number, random: () => number = Math.random): string[] {
  const ids = Array.from({ length: distinct }, (_, i) => `evt-${i}`);
  const deliveries = [...ids];
  while (deliveries.length < total) deliveries.push(ids[Math.floor(random() * distinct)]!);
  for (let i = deliveries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [deliveries[i], deliveries[j]] = [deliveries[j]!, deliveries[i]!];
  }
  return deliveries;
}

/** What happened when every delivery was run at once. */
export interface ConcurrentRun {
  /** Handler calls per event id. */
  readonly calls: Map<string, number>;
  /** Outcome statuses, counted. */
  readonly statuses: Record<string, number>;
}

/**
 * Runs every delivery concurrently through the deduplicator; each handler waits a few
 * milliseconds so that duplicates overlap with it.
 */
export async function runConcurrently(dedupe: Deduplicator, deliveries: readonly string[], sender = 'peridio'): Promise<ConcurrentRun> {
  const calls = new Map<string, number>();
  const statuses: Record<string, number> = {};
  await Promise.all(
    deliveries.map(async (id) => {
      const outcome = await dedupe.run({ sender, id }, async () => {
        calls.set(id, (calls.get(id) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, 1 + Math.random() * 5));
      });
      statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1;
    }),
  );
  return { calls, statuses };
}
