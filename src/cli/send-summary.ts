/** The outcome of one POST. */
export interface DeliveryResult {
  readonly retry: boolean;
  readonly status: number | undefined;
  /** Why no status: a connection or timeout error. */
  readonly error: string | undefined;
  readonly ms: number;
  /** The start of the answer's body, kept for the first answer of each non-2xx status. */
  readonly answer: string | undefined;
}

/** What `send` reports once every delivery is done. */
export interface SendSummary {
  readonly deliveries: number;
  readonly events: number;
  readonly retries: number;
  /** Count per status code, plus `"error"` for requests that got no answer. */
  readonly statuses: Record<string, number>;
  readonly firstDeliveries: Record<string, number>;
  readonly retryStatuses: Record<string, number>;
  /** First answer body per non-2xx status, and first error message, to show what went wrong. */
  readonly examples: Record<string, string>;
  readonly durationMs: number;
  readonly perSecond: number;
  readonly latencyMs: { readonly p50: number; readonly p95: number; readonly max: number };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (value: number): number => Math.round(value * 10) / 10;

export function summarize(results: readonly DeliveryResult[], durationMs: number): SendSummary {
  const statuses: Record<string, number> = {};
  const firstDeliveries: Record<string, number> = {};
  const retryStatuses: Record<string, number> = {};
  const examples: Record<string, string> = {};
  for (const result of results) {
    const key = result.status === undefined ? 'error' : String(result.status);
    statuses[key] = (statuses[key] ?? 0) + 1;
    const bucket = result.retry ? retryStatuses : firstDeliveries;
    bucket[key] = (bucket[key] ?? 0) + 1;
    const example = result.error ?? result.answer;
    if (example !== undefined && examples[key] === undefined) examples[key] = example;
  }
  const latencies = results.filter((r) => r.status !== undefined).map((r) => r.ms).sort((a, b) => a - b);
  const retries = results.filter((r) => r.retry).length;
  return {
    deliveries: results.length,
    events: results.length - retries,
    retries,
    statuses,
    firstDeliveries,
    retryStatuses,
    examples,
    durationMs: Math.round(durationMs),
    perSecond: durationMs > 0 ? round((results.length * 1000) / durationMs) : 0,
    latencyMs: { p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), max: round(latencies.at(-1) ?? 0) },
  };
}

/** The summary as lines for a terminal. */
export function formatSummary(summary: SendSummary, url: string): string[] {
  const seconds = (summary.durationMs / 1000).toFixed(2);
  const what = summary.retries > 0 ? `${summary.events} events + ${summary.retries} retries` : `${summary.events} events`;
  const lines = [`sent ${summary.deliveries} deliveries (${what}) to ${url} in ${seconds}s (${summary.perSecond}/s)`];
  for (const key of Object.keys(summary.statuses).sort()) {
    const split = summary.retries > 0 ? `  (first deliveries ${summary.firstDeliveries[key] ?? 0}, retries ${summary.retryStatuses[key] ?? 0})` : '';
    lines.push(`  ${key.padEnd(5)} x ${summary.statuses[key]}${split}`);
  }
  lines.push(`latency p50 ${summary.latencyMs.p50}ms, p95 ${summary.latencyMs.p95}ms, max ${summary.latencyMs.max}ms`);
  for (const [key, example] of Object.entries(summary.examples)) {
    if (!/^2\d\d$/.test(key)) lines.push(`first ${key === 'error' ? 'error' : `${key} answer`}: ${example}`);
  }
  return lines;
}
