import type { Duration } from '../core/duration.js';
import { ConfigurationError, JobError } from '../core/errors.js';
import type { EventParser, EventRouterLike } from '../core/pipeline/create-webhook-receiver.js';
import type { Sender } from '../core/sender.js';
import { createDeduplicator, type Deduplicator } from '../dedupe/deduplicator.js';
import type { DedupeStore } from '../dedupe/store.js';
import { jobBodyPayload, readJobPayload, type JobPayload } from './job-payload.js';

/**
 * What a worker's handler gets besides the event: the job it came in, and which attempt this is.
 *
 * @example
 * ```ts
 * import type { JobContext } from 'hookverify/durable';
 *
 * const handle = (event: unknown, { job, attempt, attempts }: JobContext) =>
 *   console.log(job.deliveryId, `attempt ${attempt} of ${attempts}`);
 * ```
 */
export interface JobContext {
  readonly job: JobPayload;
  /** This attempt, from 1. */
  readonly attempt: number;
  /** How many attempts the engine makes in all; the last failing one dead-letters the job. */
  readonly attempts: number;
}

/**
 * A function that handles every queued event; throwing makes the engine retry it.
 *
 * @example
 * ```ts
 * import type { JobHandler } from 'hookverify/durable';
 *
 * const handle: JobHandler<unknown> = async (event, { job }) => saveEvent(job.deliveryId, event);
 * ```
 */
export type JobHandler<Event> = (event: Event, context: JobContext) => unknown;

/**
 * Options of {@link createJobProcessor}.
 *
 * @example
 * ```ts
 * import type { JobProcessorOptions } from 'hookverify/durable';
 * import { peridioEvents } from 'hookverify/peridio/events';
 *
 * const options: JobProcessorOptions<PeridioEvent> = { events: peridioEvents, handle: saveEvent, store, lease: '1m' };
 * ```
 */
export interface JobProcessorOptions<Event> {
  /** The receiver's catalog: the payload is parsed again, so the handler gets the same typed event. */
  readonly events?: EventParser<Event>;
  /** A function, or a router of handlers keyed by event name (`createRouter`). */
  readonly handle: JobHandler<Event> | EventRouterLike<Event>;
  /**
   * Where completions are recorded, shared by every worker (`createRedisStore`, or a Postgres
   * store). With it a job is claimed, handled, then completed (released when it fails), so a
   * job run again (a stalled job, a redelivery queued after its job was removed) is acknowledged
   * without running. Without it every run of a job runs the handler.
   */
  readonly store?: DedupeStore;
  /** How long a claim holds a key while the handler runs; longer than your slowest handler. Default `"30s"`. */
  readonly lease?: Duration;
  /** How long a completion is remembered: a duration or a sender (its retry horizon plus a day). Default 4 days. */
  readonly retention?: Duration | Sender;
  /** Longest wait for each store operation. Default `"2s"`. */
  readonly storeTimeout?: Duration;
}

/**
 * What became of one run of a job; the engine adapters turn each into the engine's own answer.
 *
 * - `done`: the handler ran (`handled`: false when no handler took the event), and `recorded`
 *   says whether the store now remembers it.
 * - `duplicate`: the store says the event was completed: the handler did not run.
 * - `postponed`: another run holds the claim (`in_progress`), or the store is down
 *   (`store_unavailable`): try again later without spending an attempt.
 * - `retry`: the handler threw and attempts remain.
 * - `dead_letter`: the handler threw on the last attempt (`attempts_exhausted`), or the job can
 *   never succeed (`invalid_job`, `invalid_event`): do not retry; keep it where people look.
 *
 * @example
 * ```ts
 * import type { JobOutcome } from 'hookverify/durable';
 *
 * function log(outcome: JobOutcome): void {
 *   if (outcome.status === 'dead_letter') console.error(outcome.key, outcome.reason, outcome.error);
 * }
 * ```
 */
export type JobOutcome =
  | { readonly status: 'done'; readonly key: string; readonly handled: boolean; readonly recorded: boolean }
  | { readonly status: 'duplicate'; readonly key: string }
  | { readonly status: 'postponed'; readonly key: string; readonly reason: 'in_progress' | 'store_unavailable'; readonly error?: unknown }
  | { readonly status: 'retry'; readonly key: string; readonly error: unknown }
  | {
      readonly status: 'dead_letter';
      readonly key: string | undefined;
      readonly reason: 'attempts_exhausted' | 'invalid_job' | 'invalid_event';
      readonly error: unknown;
    };

/**
 * Processes queued jobs for any engine. {@link createJobProcessor} makes one.
 *
 * @example
 * ```ts
 * import type { JobProcessor } from 'hookverify/durable';
 *
 * const outcome = await (processor satisfies JobProcessor).process(message.body, { attempt: 1, attempts: 5 });
 * ```
 */
export interface JobProcessor {
  /** Runs one attempt of a job. Never rejects: every failure is an outcome. */
  process(data: unknown, attempt: { readonly attempt: number; readonly attempts: number }): Promise<JobOutcome>;
}

function isRouter<Event>(handle: JobProcessorOptions<Event>['handle']): handle is EventRouterLike<Event> {
  return typeof handle === 'object' && handle !== null && typeof (handle as EventRouterLike<Event>).route === 'function';
}

/**
 * Creates the engine-neutral worker step behind a queue hand-off: reads the job, parses its
 * payload through the same catalog the receiver used, and runs the same handler or router,
 * claim -> handler -> complete in the store (released on failure, so the engine's retry runs
 * it). `hookverify/bullmq` and `hookverify/pg-boss` wrap it; wrap it yourself for another queue.
 *
 * @example
 * ```ts
 * import { createJobProcessor } from 'hookverify/durable';
 * import { createRouter } from 'hookverify/events';
 * import { peridioEvents } from 'hookverify/peridio/events';
 * import { createRedisStore } from 'hookverify/redis';
 *
 * const processor = createJobProcessor({
 *   events: peridioEvents,
 *   handle: createRouter(peridioEvents, { 'device.connected': (event) => markOnline(event.payload.data.data.device.prn) }),
 *   store: createRedisStore({ client: redis }),
 * });
 * const outcome = await processor.process(message.body, { attempt: message.attempt, attempts: 5 });
 * if (outcome.status === 'retry') throw outcome.error;
 * ```
 */
export function createJobProcessor<Event = unknown>(options: JobProcessorOptions<Event>): JobProcessor {
  const { events, handle, store } = options;
  if (typeof handle !== 'function' && !isRouter(handle)) {
    throw new ConfigurationError('invalid_option', 'handle must be a function or a router with a route() method');
  }
  if (events !== undefined && typeof events.parse !== 'function') {
    throw new ConfigurationError('invalid_option', 'events must be a catalog with a parse() method');
  }
  const dedupe: Deduplicator | undefined =
    store === undefined
      ? undefined
      : createDeduplicator({
          store,
          ...(options.lease === undefined ? {} : { lease: options.lease }),
          ...(options.retention === undefined ? {} : { retention: options.retention }),
          ...(options.storeTimeout === undefined ? {} : { storeTimeout: options.storeTimeout }),
        });

  const runHandler: (event: Event, context: JobContext) => Promise<boolean> = isRouter(handle)
    ? async (event, context) => (await handle.route(event, context as never)) !== false
    : async (event, context) => {
        await handle(event, context);
        return true;
      };

  async function process(data: unknown, { attempt, attempts }: { readonly attempt: number; readonly attempts: number }): Promise<JobOutcome> {
    let job: JobPayload;
    try {
      job = readJobPayload(data);
    } catch (error) {
      return { status: 'dead_letter', key: undefined, reason: 'invalid_job', error };
    }
    const { key } = job;
    let event: Event;
    const payload = jobBodyPayload(job.body);
    if (events) {
      const parsed = events.parse(payload, { eventType: job.eventType });
      if (!parsed.ok) {
        // A strict catalog refusing the type: the receiver acknowledges those without a handler.
        if (parsed.code === 'unknown_event') return { status: 'done', key, handled: false, recorded: false };
        return { status: 'dead_letter', key, reason: 'invalid_event', error: new JobError('invalid_job', parsed.message) };
      }
      event = parsed.event;
    } else {
      event = payload as Event;
    }
    const context: JobContext = { job, attempt, attempts };
    const failed = (error: unknown): JobOutcome =>
      attempt >= attempts ? { status: 'dead_letter', key, reason: 'attempts_exhausted', error } : { status: 'retry', key, error };

    if (!dedupe) {
      try {
        return { status: 'done', key, handled: await runHandler(event, context), recorded: false };
      } catch (error) {
        return failed(error);
      }
    }
    const outcome = await dedupe.run(key, () => runHandler(event, context));
    switch (outcome.status) {
      case 'processed':
        return { status: 'done', key, handled: outcome.result, recorded: outcome.recorded };
      case 'duplicate':
        return { status: 'duplicate', key };
      case 'in_progress':
        return { status: 'postponed', key, reason: 'in_progress' };
      case 'store_unavailable':
        return { status: 'postponed', key, reason: 'store_unavailable', error: outcome.error };
      default:
        return failed(outcome.error);
    }
  }

  return Object.freeze({ process });
}
