// The part of autocannon the HTTP benchmarks use, typed, and their shared command-line options.
import { createRequire } from 'node:module';

export interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

export interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

export type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  requests: { method: string; setupRequest: (request: AutocannonRequest) => AutocannonRequest }[];
}) => Promise<AutocannonResult>;

export const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** `--name value` from the command line, or the fallback. */
export function option(name: string, fallback: string): string {
  const args = process.argv.slice(2);
  return args.includes(name) ? args[args.indexOf(name) + 1]! : fallback;
}
