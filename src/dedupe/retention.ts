import { durationToMs, type Duration } from '../core/duration.js';
import type { Sender } from '../core/sender.js';

const DAY_MS = 86_400_000;

/**
 * Added to a sender's retry horizon: a retry scheduled just before the horizon may arrive
 * hours later (backoff jitter, a queue at the sender, clock skew), and forgetting a key one
 * minute too early processes that event twice.
 */
export const RETENTION_MARGIN_MS = DAY_MS;

/**
 * Used when neither a retention nor a sender with a retry horizon is given: Peridio's 3 days,
 * the longest horizon of the built-in senders, plus the margin.
 */
export const DEFAULT_RETENTION_MS = 3 * DAY_MS + RETENTION_MARGIN_MS;

/** Milliseconds to remember a completed key: the duration given, or a sender's horizon plus the margin. */
export function retentionMs(value: Duration | Sender | undefined): number {
  if (value === undefined) return DEFAULT_RETENTION_MS;
  if (typeof value === 'object') {
    if (value.retryHorizon === undefined) return DEFAULT_RETENTION_MS;
    return durationToMs(value.retryHorizon, `${value.name}'s retryHorizon`) + RETENTION_MARGIN_MS;
  }
  return durationToMs(value, 'retention');
}
