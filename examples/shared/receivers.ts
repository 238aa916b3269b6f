// The webhook side of every example: one receiver per sender, built once at startup from the
// package's public entry points. Each framework example only mounts these.
import { createWebhookReceiver, type ReceiverOutcome, type WebhookReceiver } from 'hookverify';
import { createDeduplicator } from 'hookverify/dedupe';
import { createEdgeSenseVerifier } from 'hookverify/edgesense';
import { edgesenseEvents } from 'hookverify/edgesense/events';
import { createRouter } from 'hookverify/events';
import { createPeridioVerifier, peridio } from 'hookverify/peridio';
import { peridioEvents } from 'hookverify/peridio/events';

/** Writes one JSON log line. The Node servers pass pino (examples/shared/node-log.ts); this default works on every runtime. */
export type Log = (fields: Record<string, unknown>, message?: string) => void;

export const consoleLog: Log = (fields, message) => console.log(JSON.stringify(message === undefined ? fields : { ...fields, msg: message }));

/** One JSON line per request: what happened and why, never the body or a secret. */
function outcomeLogger(log: Log) {
  return ({ sender, code, status, event, deliveryId, message }: ReceiverOutcome): void =>
    log({ outcome: code, status, sender, event, deliveryId }, message);
}

export interface ReceiverSettings {
  /** Default: the sender's environment variable. */
  readonly secret?: string | undefined;
  readonly log?: Log;
}

function required(name: string, value: string | undefined): string {
  if (!value) throw new Error(`set ${name}`);
  return value;
}

/** Peridio: typed events, each processed once (in-memory store: one process; use hookverify/redis for more). */
export function createPeridioReceiver({ secret = process.env.PERIDIO_WEBHOOK_SECRET, log = consoleLog }: ReceiverSettings = {}): WebhookReceiver {
  return createWebhookReceiver({
    verifier: createPeridioVerifier({ secret: required('PERIDIO_WEBHOOK_SECRET', secret) }),
    events: peridioEvents,
    dedupe: createDeduplicator({ retention: peridio }),
    handle: createPeridioRouter(log),
    hooks: { onOutcome: outcomeLogger(log) },
  });
}

/** EdgeSense: no event id, so dedupe keys on a digest of the raw body (identical across retries). */
export function createEdgeSenseReceiver({ secret = process.env.EDGESENSE_WEBHOOK_SECRET, log = consoleLog }: ReceiverSettings = {}): WebhookReceiver {
  return createWebhookReceiver({
    verifier: createEdgeSenseVerifier({ secret: required('EDGESENSE_WEBHOOK_SECRET', secret) }),
    events: edgesenseEvents,
    dedupe: createDeduplicator(),
    handle: createEdgeSenseRouter(log),
    hooks: { onOutcome: outcomeLogger(log) },
  });
}

/** What the Peridio examples do with each event, in the receiver or, in examples/queue, in a worker. */
export function createPeridioRouter(log: Log = consoleLog) {
  return createRouter(
    peridioEvents,
    {
      'device.release-changed': (event) => {
        const { device, to_release } = event.payload.data.data;
        log({ handled: event.name }, `handled device.release-changed: ${device.identifier} -> ${to_release.version}`);
      },
      'webhook.test-fire': (event) => log({ handled: event.name }, 'handled webhook.test-fire: endpoint verified'),
    },
    {
      onUnhandled: (event) => log({ handled: event.name }, `handled ${event.name}`),
      onUnknown: (event) => log({ handled: event.name }, `handled unknown Peridio event ${event.name}`),
    },
  );
}

/** What the EdgeSense examples do with each event. */
export function createEdgeSenseRouter(log: Log = consoleLog) {
  return createRouter(
    edgesenseEvents,
    {
      'device.alert': (event) => log({ handled: event.name }, `handled device.alert: ${event.payload.deviceId} ${event.payload.payload.metric}`),
    },
    { onUnhandled: (event) => log({ handled: event.name }, `handled ${event.name}`) },
  );
}
