// The webhook side of every example: one receiver per sender, built once at startup from the
// package's public entry points. Each framework example only mounts these.
import { createWebhookReceiver, type ReceiverOutcome, type WebhookReceiver } from 'hookverify';
import { createDeduplicator } from 'hookverify/dedupe';
import { createEdgeSenseVerifier } from 'hookverify/edgesense';
import { edgesenseEvents } from 'hookverify/edgesense/events';
import { createRouter } from 'hookverify/events';
import { createPeridioVerifier, peridio } from 'hookverify/peridio';
import { peridioEvents } from 'hookverify/peridio/events';

/** One JSON line per request: what happened and why, never the body or a secret. */
function logOutcome(outcome: ReceiverOutcome): void {
  const { sender, code, status, event, deliveryId, message } = outcome;
  console.log(JSON.stringify({ outcome: code, status, sender, event, deliveryId, message }));
}

function required(name: string, value: string | undefined): string {
  if (!value) throw new Error(`set ${name}`);
  return value;
}

/** Peridio: typed events, each processed once (in-memory store: one process; use hookverify/redis for more). */
export function createPeridioReceiver(secret = process.env.PERIDIO_WEBHOOK_SECRET): WebhookReceiver {
  return createWebhookReceiver({
    verifier: createPeridioVerifier({ secret: required('PERIDIO_WEBHOOK_SECRET', secret) }),
    events: peridioEvents,
    dedupe: createDeduplicator({ retention: peridio }),
    handle: createPeridioRouter(),
    hooks: { onOutcome: logOutcome },
  });
}

/** EdgeSense: no event id, so dedupe keys on a digest of the raw body (identical across retries). */
export function createEdgeSenseReceiver(secret = process.env.EDGESENSE_WEBHOOK_SECRET): WebhookReceiver {
  return createWebhookReceiver({
    verifier: createEdgeSenseVerifier({ secret: required('EDGESENSE_WEBHOOK_SECRET', secret) }),
    events: edgesenseEvents,
    dedupe: createDeduplicator(),
    handle: createEdgeSenseRouter(),
    hooks: { onOutcome: logOutcome },
  });
}

/** What the Peridio examples do with each event, in the receiver or, in examples/queue, in a worker. */
export function createPeridioRouter() {
  return createRouter(
    peridioEvents,
    {
      'device.release-changed': (event) => {
        const { device, to_release } = event.payload.data.data;
        console.log(`handled device.release-changed: ${device.identifier} -> ${to_release.version}`);
      },
      'webhook.test-fire': () => console.log('handled webhook.test-fire: endpoint verified'),
    },
    {
      onUnhandled: (event) => console.log(`handled ${event.name}`),
      onUnknown: (event) => console.log(`handled unknown Peridio event ${event.name}`),
    },
  );
}

/** What the EdgeSense examples do with each event. */
export function createEdgeSenseRouter() {
  return createRouter(
    edgesenseEvents,
    {
      'device.alert': (event) => console.log(`handled device.alert: ${event.payload.deviceId} ${event.payload.payload.metric}`),
    },
    { onUnhandled: (event) => console.log(`handled ${event.name}`) },
  );
}
