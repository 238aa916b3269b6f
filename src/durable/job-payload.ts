import { decodeBase64, encodeBase64 } from '../core/encoding.js';
import { DedupeError, JobError } from '../core/errors.js';
import type { VerifiedDelivery } from '../core/verifier.js';

/**
 * What a hand-off puts on a queue, version 1: plain JSON, so any engine stores it and any
 * worker reads it. It carries the verified payload and what routing and dedupe need, never a
 * header, a secret or the signature: the worker trusts the queue, not the request.
 *
 * @example
 * ```ts
 * import type { JobPayload } from 'hookverify/durable';
 *
 * const job: JobPayload = {
 *   version: 1,
 *   sender: 'peridio',
 *   key: 'peridio:prn:1:be4d30b4-de6b-47cd-85ea-a75e23fd63ef:event:1',
 *   deliveryId: 'prn:1:be4d30b4-de6b-47cd-85ea-a75e23fd63ef:event:1',
 *   event: 'webhook.test-fire',
 *   receivedAt: '2026-01-01T00:00:00.000Z',
 *   body: { kind: 'json', value: { type: 'webhook.test_fire' } },
 * };
 * ```
 */
export interface JobPayload {
  readonly version: 1;
  /** The sender's name, e.g. `"peridio"`. */
  readonly sender: string;
  /** The dedupe key, `"<sender>:<delivery id>"`, as `hookverify/dedupe` builds it. */
  readonly key: string;
  /** The delivery id (Peridio: the event PRN). */
  readonly deliveryId: string;
  /** The event name the receiver's catalog gave it, when there is one. */
  readonly event?: string;
  /** The delivery's `eventType` (a header for senders such as GitHub), passed to the catalog again. */
  readonly eventType?: string;
  /** When the receiver accepted the delivery, ISO 8601. */
  readonly receivedAt: string;
  /** The verified payload: JSON as parsed, text, or bytes in base64. */
  readonly body: JobBody;
}

/**
 * The verified payload inside a {@link JobPayload}.
 *
 * @example
 * ```ts
 * import type { JobBody } from 'hookverify/durable';
 *
 * const body: JobBody = { kind: 'text', value: 'ping' };
 * ```
 */
export type JobBody =
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'bytes'; readonly base64: string };

/**
 * Builds the job for a verified delivery and the event the receiver parsed from it. Throws a
 * `DedupeError` `missing_dedupe_key` for a delivery without an id: a queued job needs a key, or
 * a redelivery would be queued and run again.
 *
 * @example
 * ```ts
 * import { createJobPayload } from 'hookverify/durable';
 *
 * const handle = async (event: unknown, { delivery }: DeliveryContext) => {
 *   await myQueue.send(createJobPayload(delivery, event));
 * };
 * ```
 */
export function createJobPayload(
  delivery: Pick<VerifiedDelivery, 'sender' | 'id' | 'eventType' | 'payload'>,
  event?: unknown,
  receivedAt: Date = new Date(),
): JobPayload {
  const { sender, id } = delivery;
  if (typeof id !== 'string' || id.length === 0) {
    throw new DedupeError('missing_dedupe_key', `the ${sender} delivery has no id, so a queued job could not be deduplicated`);
  }
  const name = (event as { name?: unknown } | null | undefined)?.name;
  return {
    version: 1,
    sender,
    key: [sender, id].join(':'),
    deliveryId: id,
    ...(typeof name === 'string' ? { event: name } : {}),
    ...(delivery.eventType === undefined ? {} : { eventType: delivery.eventType }),
    receivedAt: receivedAt.toISOString(),
    body: bodyOf(delivery.payload),
  };
}

function bodyOf(payload: unknown): JobBody {
  if (payload instanceof Uint8Array) return { kind: 'bytes', base64: encodeBase64(payload) };
  if (typeof payload === 'string') return { kind: 'text', value: payload };
  return { kind: 'json', value: payload };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const optionalString = (value: unknown) => value === undefined || typeof value === 'string';

/**
 * Reads a job's data back into a {@link JobPayload}, or throws a `JobError` `invalid_job` for
 * anything else (another producer's job, a later format version). Checked by hand, so workers
 * load no schema library for it.
 *
 * @example
 * ```ts
 * import { readJobPayload } from 'hookverify/durable';
 *
 * const job = readJobPayload(JSON.parse(message.body));
 * console.log(job.key, job.event);
 * ```
 */
export function readJobPayload(data: unknown): JobPayload {
  if (!isRecord(data)) throw new JobError('invalid_job', 'the job data is not an object');
  if (data.version !== 1) throw new JobError('invalid_job', `the job format version ${JSON.stringify(data.version)} is not 1`);
  const { sender, key, deliveryId, receivedAt, body } = data;
  if (typeof sender !== 'string' || typeof deliveryId !== 'string' || typeof receivedAt !== 'string') {
    throw new JobError('invalid_job', 'the job lacks its sender, delivery id or received-at time');
  }
  if (key !== [sender, deliveryId].join(':')) throw new JobError('invalid_job', "the job's key is not its sender and delivery id");
  if (!optionalString(data.event) || !optionalString(data.eventType)) {
    throw new JobError('invalid_job', "the job's event or eventType is not a string");
  }
  if (!isRecord(body) || !isBody(body)) throw new JobError('invalid_job', "the job's body is not json, text or base64 bytes");
  return data as unknown as JobPayload;
}

function isBody(body: Record<string, unknown>): boolean {
  if (body.kind === 'json') return 'value' in body;
  if (body.kind === 'text') return typeof body.value === 'string';
  return body.kind === 'bytes' && typeof body.base64 === 'string' && decodeBase64(body.base64) !== undefined;
}

/**
 * The verified payload again, as the receiver's catalog saw it: the JSON value, the text, or
 * the bytes.
 *
 * @example
 * ```ts
 * import { jobBodyPayload, readJobPayload } from 'hookverify/durable';
 *
 * const payload = jobBodyPayload(readJobPayload(data).body);
 * ```
 */
export function jobBodyPayload(body: JobBody): unknown {
  if (body.kind === 'bytes') return decodeBase64(body.base64);
  return body.value;
}
