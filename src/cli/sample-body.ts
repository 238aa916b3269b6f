import type { EdgeSenseEventName } from '../senders/edgesense/events/catalog.js';
import type { PeridioEventName } from '../senders/peridio/events/catalog.js';
import { sampleEdgeSenseEvent, sampleEdgeSenseEventNames, samplePeridioEvent, samplePeridioEventNames } from '../testing/sample-events.js';
import { usageError } from './cli-error.js';
import type { SenderKind } from './resolve-sender.js';

/** The event types `sign` and `send` can generate for a sender; Standard Webhooks and custom senders take any. */
export function sampleEventNames(sender: SenderKind): readonly string[] | undefined {
  if (sender === 'peridio') return samplePeridioEventNames;
  if (sender === 'edgesense') return sampleEdgeSenseEventNames;
  return undefined;
}

/** What `sign` generates when no event type is named: the event a sender uses to test an endpoint. */
export function defaultEventName(sender: SenderKind): string {
  return sender === 'peridio' ? 'webhook.test-fire' : sender === 'edgesense' ? 'device.data' : 'webhook.test';
}

/** Peridio writes subtypes with `_` on the wire and `-` in its event list; accept both here too. */
function canonicalPeridioName(name: string): string {
  const dot = name.indexOf('.');
  return dot < 0 ? name : `${name.slice(0, dot)}.${name.slice(dot + 1).replace(/_/g, '-')}`;
}

/** Checks event type names up front, so a typo fails before anything is signed or sent. */
export function checkEventNames(sender: SenderKind, names: readonly string[]): string[] {
  const known = sampleEventNames(sender);
  return names.map((name) => {
    const canonical = sender === 'peridio' ? canonicalPeridioName(name) : name;
    if (known && !known.includes(canonical)) {
      throw usageError(`${sender} has no event type ${JSON.stringify(name)}; one of: ${known.join(', ')}`);
    }
    if (!known && !/^[\w.:-]{1,100}$/.test(name)) throw usageError(`event type ${JSON.stringify(name)} should be a short name like user.created`);
    return canonical;
  });
}

/**
 * A fresh sample event: a new event PRN for Peridio, the current time for EdgeSense. Standard
 * Webhooks and custom senders have no catalog here, so their sample is the payload shape the
 * Standard Webhooks specification recommends.
 */
export function sampleEvent(sender: SenderKind, name: string): unknown {
  if (sender === 'peridio') return samplePeridioEvent(name as PeridioEventName);
  if (sender === 'edgesense') return sampleEdgeSenseEvent(name as EdgeSenseEventName);
  return { type: name, timestamp: new Date().toISOString(), data: { id: crypto.randomUUID() } };
}
