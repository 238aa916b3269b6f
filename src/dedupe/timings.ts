import { durationToMs, type Duration } from '../core/duration.js';
import { ConfigurationError } from '../core/errors.js';
import type { Sender } from '../core/sender.js';
import { retentionMs } from './retention.js';

/** The lease, retention and store timeout of a deduplicator, in whole milliseconds. */
export interface DedupeTimings {
  readonly leaseMs: number;
  readonly keepMs: number;
  readonly timeoutMs: number;
}

const DEFAULT_LEASE: Duration = '30s';
const DEFAULT_STORE_TIMEOUT: Duration = '2s';

function positiveMs(value: Duration, option: string): number {
  const ms = Math.ceil(durationToMs(value, option));
  if (ms < 1) throw new ConfigurationError('invalid_option', `${option} must be longer than zero`);
  return ms;
}

/** Reads and checks the timing options every deduplicator shares (defaults: 30 s lease, 2 s timeout). */
export function dedupeTimings(options: {
  readonly lease?: Duration | undefined;
  readonly retention?: Duration | Sender | undefined;
  readonly storeTimeout?: Duration | undefined;
}): DedupeTimings {
  const leaseMs = positiveMs(options.lease ?? DEFAULT_LEASE, 'lease');
  const keepMs = Math.ceil(retentionMs(options.retention));
  if (keepMs < leaseMs) throw new ConfigurationError('invalid_option', 'retention must be at least as long as lease');
  return { leaseMs, keepMs, timeoutMs: positiveMs(options.storeTimeout ?? DEFAULT_STORE_TIMEOUT, 'storeTimeout') };
}
