import { DEFAULT_MAX_BODY_BYTES } from '../body.js';
import { durationToMs, type Duration } from '../duration.js';
import { ConfigurationError, DedupeError, type EventErrorCode } from '../errors.js';
import type { HeadersGetter } from '../headers.js';
import type { MatchedSecret } from '../secrets.js';
import type { VerifiedDelivery, Verifier } from '../verifier.js';
import type { ReceiverOutcomeCode } from './outcome-codes.js';
import { RECEIVER_STATUS } from './outcome-codes.js';
import { withinDeadline } from './within-deadline.js';
import { readLimitedBody } from './read-limited-body.js';
import { readOnlyHeaders } from './read-only-headers.js';
import type { ReceivedRequest, ReceiverResponse } from './received-request.js';
import { responseFor } from './respond.js';

/**
 * What the receiver needs from an event catalog: a `parse` that never throws. Every catalog of
 * `hookverify/events` (`peridioEvents`, `edgesenseEvents`, your own `defineCatalog`) fits. The
 * receiver passes the delivery's `eventType` (from the sender definition, e.g. GitHub's
 * `x-github-event` header), which catalogs defined with `eventType: { fromDelivery: true }` use.
 *
 * @example
 * ```ts
 * import type { EventParser } from 'hookverify';
 *
 * // Parse strictly: unknown event types become `unknown_event` (acknowledged, no handler run).
 * const strict: EventParser<PeridioEvent> = { parse: (payload) => peridioEvents.parse(payload, { strict: true }) };
 * ```
 */
export interface EventParser<Event> {
  parse(
    payload: unknown,
    options?: { readonly eventType?: string | undefined },
  ): { readonly ok: true; readonly event: Event } | { readonly ok: false; readonly code: EventErrorCode; readonly message: string };
}

/**
 * What a dedupe runner reports; the outcomes of `hookverify/dedupe`'s deduplicator fit.
 *
 * @example
 * ```ts
 * import type { DedupeRunOutcome } from 'hookverify';
 *
 * const skipped: DedupeRunOutcome = { status: 'duplicate' };
 * ```
 */
export type DedupeRunOutcome =
  | { readonly status: 'processed'; readonly result: unknown }
  | { readonly status: 'duplicate' }
  | { readonly status: 'in_progress' }
  | { readonly status: 'failed'; readonly error: unknown }
  | { readonly status: 'store_unavailable'; readonly error: unknown };

/**
 * What the receiver needs from dedupe: claim the delivery's key, run the handler if the claim
 * is won, then complete or release the key. `createDeduplicator()` from `hookverify/dedupe` fits.
 * A runner may hand the handler a `Scope` (`createPostgresDeduplicator()` of `hookverify/postgres`
 * hands it `{ tx }`, the transaction that also records the completion); the receiver adds its
 * fields to the handler's {@link DeliveryContext}.
 *
 * @example
 * ```ts
 * import type { DedupeRunner } from 'hookverify';
 * import { createDeduplicator } from 'hookverify/dedupe';
 *
 * const dedupe: DedupeRunner = createDeduplicator();
 * ```
 */
export interface DedupeRunner<Scope extends object = object> {
  run<Result>(
    source: { readonly sender: string; readonly id: string | undefined },
    handler: (scope?: Scope) => Result | Promise<Result>,
  ): Promise<DedupeRunOutcome>;
}

/**
 * What a handler gets besides the event: the verified delivery it came in, and the request's
 * headers.
 *
 * @example
 * ```ts
 * import { createWebhookReceiver } from 'hookverify';
 *
 * createWebhookReceiver({
 *   verifier,
 *   handle: (payload, { delivery, headers }) => console.log(delivery.id, delivery.eventType, headers.get('user-agent')),
 * });
 * ```
 */
export interface DeliveryContext {
  readonly delivery: VerifiedDelivery;
  /**
   * The request headers, read-only: `get(name)` is case-insensitive, joins a repeated header
   * with ", " as Fetch does, and answers `null` for an absent one. Only the headers in the
   * sender's `signedContent` are authentic; treat any other as a hint from whoever sent the
   * request (for routing, `delivery.eventType` says where the type came from).
   */
  readonly headers: HeadersGetter;
}

/**
 * A function that handles every event; throwing makes the sender retry. Its context has the
 * fields of the dedupe runner's `Scope` too (none by default).
 *
 * @example
 * ```ts
 * import type { DeliveryHandler } from 'hookverify';
 *
 * const handle: DeliveryHandler<unknown> = async (payload, { delivery }) => {
 *   await queue.send({ id: delivery.id, payload });
 * };
 * ```
 */
export type DeliveryHandler<Event, Scope extends object = object> = (event: Event, context: HandlerContext<Scope>) => unknown;

/**
 * The context a handler receives: the {@link DeliveryContext}, plus the fields of the dedupe
 * runner's `Scope` when it has one (`{ tx }` for `hookverify/postgres`'s deduplicator).
 *
 * @example
 * ```ts
 * import type { HandlerContext } from 'hookverify';
 * import type { PostgresTransactionScope } from 'hookverify/postgres';
 * import type { PoolClient } from 'pg';
 *
 * async function save(event: { id: string }, { delivery, tx }: HandlerContext<PostgresTransactionScope<PoolClient>>) {
 *   await tx.query('insert into readings (delivery, event) values ($1, $2)', [delivery.id, event.id]);
 * }
 * ```
 */
export type HandlerContext<Scope extends object = object> = object extends Scope ? DeliveryContext : DeliveryContext & Scope;

/**
 * A router such as `createRouter()` of `hookverify/events`: `route` resolves to whether a
 * handler ran, and receives the {@link DeliveryContext} as its context.
 *
 * @example
 * ```ts
 * import { createRouter } from 'hookverify/events';
 * import { peridioEvents } from 'hookverify/peridio/events';
 *
 * // Any router of hookverify/events is one:
 * const handle = createRouter(peridioEvents, { 'webhook.test-fire': () => {} });
 * ```
 */
export interface EventRouterLike<Event> {
  route(event: Event, context: never): unknown;
}

/**
 * One request's result, as logging and metrics hooks see it. Never carries a secret or a body.
 *
 * @example
 * ```ts
 * import type { ReceiverOutcome } from 'hookverify';
 *
 * function log(outcome: ReceiverOutcome): void {
 *   console.info(JSON.stringify({ code: outcome.code, status: outcome.status, id: outcome.deliveryId, ms: outcome.durationMs }));
 * }
 * ```
 */
export interface ReceiverOutcome {
  /** What happened; also the response body's `status` or `error`. */
  readonly code: ReceiverOutcomeCode;
  /** The HTTP status sent. */
  readonly status: number;
  /** Why, for logs (never sent to the client). */
  readonly message: string;
  /** The sender's name, e.g. `"peridio"`. */
  readonly sender: string;
  /** The delivery id (Peridio: the event PRN), once the signature held. */
  readonly deliveryId: string | undefined;
  /** The event name, once parsed. */
  readonly event: string | undefined;
  /** Which configured secret verified the delivery (index and label only). */
  readonly matchedSecret: MatchedSecret | undefined;
  /** Time spent in the receiver, in milliseconds. */
  readonly durationMs: number;
  /** The error behind `handler_failed`, `store_unavailable`, `body_already_parsed` or `internal_error`. */
  readonly error?: unknown;
}

/**
 * Logging and metrics hooks. A hook that throws is ignored: it never changes the response.
 *
 * @example
 * ```ts
 * import type { ReceiverHooks } from 'hookverify';
 *
 * const hooks: ReceiverHooks = {
 *   onOutcome: (outcome) => metrics.increment(`webhooks.${outcome.sender}.${outcome.code}`),
 *   onError: (error, outcome) => console.error(outcome.code, error),
 * };
 * ```
 */
export interface ReceiverHooks {
  /** Called once per request with its outcome, whatever it is. */
  onOutcome?(outcome: ReceiverOutcome): void;
  /** Called, before `onOutcome`, for outcomes caused by an error (handler, store, setup, internal). */
  onError?(error: unknown, outcome: ReceiverOutcome): void;
}

/**
 * Options of {@link createWebhookReceiver}.
 *
 * @example
 * ```ts
 * import type { WebhookReceiverOptions } from 'hookverify';
 *
 * const options: WebhookReceiverOptions = {
 *   verifier: createPeridioVerifier({ secret: process.env.PERIDIO_WEBHOOK_SECRET }),
 *   mode: 'acknowledge-first',
 *   handle: (payload) => queue.send(payload), // durable: the 2xx waits for it
 * };
 * ```
 */
export interface WebhookReceiverOptions<Event = unknown, Scope extends object = object> {
  /** Verifies each delivery, e.g. `createPeridioVerifier({ secret })`. */
  readonly verifier: Pick<Verifier, 'sender' | 'safeVerify'>;
  /** Parses the verified payload into a typed event, e.g. `peridioEvents`. Without it the handler gets the payload. */
  readonly events?: EventParser<Event>;
  /** Processes each event once, e.g. `createDeduplicator()`. Without it every delivery runs the handler. */
  readonly dedupe?: DedupeRunner<Scope>;
  /** A function, or a router of handlers keyed by event name. */
  readonly handle: DeliveryHandler<Event, Scope> | EventRouterLike<Event>;
  /**
   * `"process"` (default): the handler does the work, and the sender gets its 2xx once it is done.
   * `"acknowledge-first"`: the handler is a durable hand-off (e.g. an enqueue) that must finish
   * within `handoffTimeout`; the 2xx is sent only after it succeeded. Doing the work after the
   * 2xx without such a hand-off loses the event if the process dies: the sender has been told it
   * was delivered and never sends it again.
   */
  readonly mode?: 'process' | 'acknowledge-first';
  /** Acknowledge-first only: longest a hand-off may take before the answer is 503. Default `"5s"`. */
  readonly handoffTimeout?: Duration;
  /**
   * Largest body read, in bytes; larger ones are refused with 413 before any hashing. Default
   * 1 MiB. The verifier has its own limit (also 1 MiB by default): to accept more, raise both.
   */
  readonly maxBodyBytes?: number;
  /**
   * Longest the body may take to arrive once the headers are in; after it the answer is 408
   * `body_timeout` and the read is abandoned (Node adapters close the connection). Default
   * `"5s"`: a sender waits only seconds for its answer (EdgeSense: 3 s), so a body still
   * trickling in after 5 s is one no sender is waiting for, only a socket held open. It covers
   * bodies hookverify reads; one a framework read first (`express.raw()`) is the server's to
   * bound (docs/deploying.md).
   */
  readonly bodyTimeout?: Duration;
  /** Logging and metrics. */
  readonly hooks?: ReceiverHooks;
}

/**
 * The framework-neutral receiving pipeline; adapters translate their requests to it.
 *
 * @example
 * ```ts
 * import { createWebhookReceiver, type WebhookReceiver } from 'hookverify';
 *
 * const receiver: WebhookReceiver = createWebhookReceiver({ verifier, handle: () => {} });
 * const response = await receiver.receive({ method: 'POST', headers, body: rawBytes });
 * console.log(response.status, response.body);
 * ```
 */
export interface WebhookReceiver {
  /** The sender's name, for adapters' messages. */
  readonly sender: string;
  /** Largest body read, in bytes. */
  readonly maxBodyBytes: number;
  /** Runs one request through the pipeline. Never rejects: every failure is a response. */
  receive(request: ReceivedRequest): Promise<ReceiverResponse>;
}

const HANDOFF_TIMED_OUT = Symbol('hand-off timed out');
const DEFAULT_BODY_TIMEOUT: Duration = '5s';

function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}

function isRouter<Event, Scope extends object>(handle: WebhookReceiverOptions<Event, Scope>['handle']): handle is EventRouterLike<Event> {
  return typeof handle === 'object' && handle !== null && typeof (handle as EventRouterLike<Event>).route === 'function';
}

function eventName(event: unknown): string | undefined {
  const name = (event as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : undefined;
}

/**
 * Creates the receiving pipeline, written once for every framework and runtime:
 * method check (405) -> body within the limit (413) and the deadline (408) -> verify (401, or 400 `invalid_body`) ->
 * parse to a typed event (400 `invalid_event`) -> dedupe claim (409 while in progress, 2xx for
 * a duplicate, 503 when the store is down) -> handler (500 when it throws; nothing marked done)
 * -> complete or release -> response. Pass it to an adapter (`hookverify/fetch`,
 * `hookverify/express`, `hookverify/fastify`, `hookverify/next`).
 *
 * Unknown event types are not errors: a catalog hands them to the handler as unknown events
 * (a router sends them to its `onUnknown`), and without a handler for them they are
 * acknowledged with `unhandled`, so a vendor's new event never makes it retry for days.
 *
 * @example
 * ```ts
 * import { createWebhookReceiver } from 'hookverify';
 * import { createPeridioVerifier } from 'hookverify/peridio';
 * import { peridioEvents } from 'hookverify/peridio/events';
 * import { createRouter } from 'hookverify/events';
 * import { createDeduplicator } from 'hookverify/dedupe';
 *
 * const receiver = createWebhookReceiver({
 *   verifier: createPeridioVerifier({ secret: process.env.PERIDIO_WEBHOOK_SECRET }),
 *   events: peridioEvents,
 *   dedupe: createDeduplicator(),
 *   handle: createRouter(peridioEvents, {
 *     'device.release-changed': (event) => console.log(event.payload.data.data.device.identifier),
 *   }),
 *   hooks: { onOutcome: (outcome) => console.info(outcome.code, outcome.deliveryId) },
 * });
 * ```
 */
export function createWebhookReceiver<Event = unknown, Scope extends object = object>(
  options: WebhookReceiverOptions<Event, Scope>,
): WebhookReceiver {
  const { verifier, events, dedupe, handle, hooks } = options;
  if (typeof verifier?.safeVerify !== 'function') {
    throw new ConfigurationError('invalid_option', 'verifier must be a verifier, e.g. createPeridioVerifier({ secret })');
  }
  if (typeof handle !== 'function' && !isRouter(handle)) {
    throw new ConfigurationError('invalid_option', 'handle must be a function or a router with a route() method');
  }
  if (events !== undefined && typeof events.parse !== 'function') {
    throw new ConfigurationError('invalid_option', 'events must be a catalog with a parse() method');
  }
  if (dedupe !== undefined && typeof dedupe.run !== 'function') {
    throw new ConfigurationError('invalid_option', 'dedupe must be a deduplicator, e.g. createDeduplicator()');
  }
  const senderName = verifier.sender.name;
  if (dedupe !== undefined && verifier.sender.id === undefined) {
    throw new ConfigurationError(
      'invalid_option',
      `${senderName} deliveries carry no id, so they cannot be deduplicated; give the sender an \`id\` or drop \`dedupe\``,
    );
  }
  const mode = options.mode ?? 'process';
  if (mode !== 'process' && mode !== 'acknowledge-first') {
    throw new ConfigurationError('invalid_option', 'mode must be "process" or "acknowledge-first"');
  }
  const handoffMs = mode === 'acknowledge-first' ? durationToMs(options.handoffTimeout ?? '5s', 'handoffTimeout') : 0;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes <= 0) {
    throw new ConfigurationError('invalid_option', 'maxBodyBytes must be a positive whole number of bytes');
  }
  const bodyTimeoutMs = durationToMs(options.bodyTimeout ?? DEFAULT_BODY_TIMEOUT, 'bodyTimeout');
  if (bodyTimeoutMs === 0) throw new ConfigurationError('invalid_option', 'bodyTimeout must be longer than 0');

  const runHandler: (event: Event, context: HandlerContext<Scope>) => Promise<boolean> = isRouter(handle)
    ? async (event, context) => (await handle.route(event, context as never)) !== false
    : async (event, context) => {
        await handle(event, context);
        return true;
      };

  /** Acknowledge-first: a hand-off that hangs must not hold the sender past its own timeout. */
  function bounded(work: Promise<boolean>): Promise<boolean> {
    if (handoffMs === 0) return work;
    return withinDeadline(work, handoffMs, HANDOFF_TIMED_OUT, true) as Promise<boolean>;
  }

  async function receive(request: ReceivedRequest): Promise<ReceiverResponse> {
    const started = now();
    let delivery: VerifiedDelivery | undefined;
    let name: string | undefined;

    const finish = (code: ReceiverOutcomeCode, message: string, error?: unknown): ReceiverResponse => {
      if (hooks) {
        const outcome: ReceiverOutcome = {
          code,
          status: RECEIVER_STATUS[code],
          message,
          sender: senderName,
          deliveryId: delivery?.id,
          event: name,
          matchedSecret: delivery?.matchedSecret,
          durationMs: now() - started,
          ...(error === undefined ? {} : { error }),
        };
        try {
          if (error !== undefined) hooks.onError?.(error, outcome);
        } catch {
          // A logging hook must not turn an outcome into another one.
        }
        try {
          hooks.onOutcome?.(outcome);
        } catch {
          // As above.
        }
      }
      return responseFor(code);
    };

    try {
      if (typeof request.method !== 'string' || request.method.toUpperCase() !== 'POST') {
        return finish('method_not_allowed', `${String(request.method)} is not allowed; webhooks are POSTed`);
      }
      const body = await readLimitedBody(request, maxBodyBytes, bodyTimeoutMs);
      if (typeof body === 'object' && 'code' in body) {
        // Too large or too slow is the client's doing, not an error of this process.
        const error =
          body.code === 'body_too_large' || body.code === 'body_timeout'
            ? undefined
            : (body.error ?? new ConfigurationError('body_already_parsed', body.message));
        return finish(body.code, body.message, error);
      }

      const verified = await verifier.safeVerify({ body, headers: request.headers, url: request.url, method: request.method });
      if (!verified.ok) return finish(verified.code, verified.message);
      delivery = verified.delivery;

      let event: Event;
      if (events) {
        const parsed = events.parse(delivery.payload, { eventType: delivery.eventType });
        if (!parsed.ok) {
          name = (parsed as { name?: string }).name;
          if (parsed.code === 'unknown_event') return finish('unknown_event', parsed.message);
          return finish('invalid_event', parsed.message);
        }
        event = parsed.event;
        name = eventName(event);
      } else {
        event = delivery.payload as Event;
      }

      const context: DeliveryContext = { delivery, headers: readOnlyHeaders(request.headers) };
      // The runner's scope comes first, so that it can never replace the delivery or its headers.
      const work = (scope?: Scope) => bounded(runHandler(event, { ...scope, ...context } as HandlerContext<Scope>));

      if (!dedupe) {
        try {
          const handled = await work();
          return finish(handled ? 'processed' : 'unhandled', handled ? 'handled' : 'no handler for this event; acknowledged');
        } catch (error) {
          return handlerFailure(error, finish);
        }
      }
      if (delivery.id === undefined) {
        return finish('missing_dedupe_key', `the verified ${senderName} delivery has no id to deduplicate on`);
      }
      const outcome = await dedupe.run(delivery, work);
      switch (outcome.status) {
        case 'processed':
          return outcome.result === false
            ? finish('unhandled', 'no handler for this event; acknowledged and remembered')
            : finish('processed', 'handled and marked done');
        case 'duplicate':
          return finish('duplicate', 'already processed; acknowledged without running the handler');
        case 'in_progress':
          return finish('in_progress', 'another delivery of this event is being processed; the sender will retry');
        case 'failed':
          return handlerFailure(outcome.error, finish);
        case 'store_unavailable':
          return finish('store_unavailable', 'the dedupe store is unavailable; nothing was processed', outcome.error);
        default:
          return finish('internal_error', 'the dedupe runner answered an unknown outcome', outcome);
      }
    } catch (error) {
      return finish('internal_error', 'an unexpected error in the receiving pipeline', error);
    }
  }

  return Object.freeze({ sender: senderName, maxBodyBytes, receive });
}

function handlerFailure(
  error: unknown,
  finish: (code: ReceiverOutcomeCode, message: string, error?: unknown) => ReceiverResponse,
): ReceiverResponse {
  if (error === HANDOFF_TIMED_OUT) {
    return finish('handoff_timeout', 'the hand-off did not finish in time; released so the sender retries', new Error('hand-off timed out'));
  }
  // A hand-off (hookverify/bullmq, hookverify/pg-boss) whose queue refused the job says so with
  // this error: the sender must hear 503, "try later", as for a dedupe store that is down.
  if (error instanceof DedupeError && error.code === 'store_unavailable') {
    return finish('store_unavailable', 'the queue or store did not accept the event; nothing was processed', error);
  }
  return finish('handler_failed', 'the handler threw; nothing was marked done, so the retry runs it again', error);
}
