import { ConfigurationError } from '../core/errors.js';
import type { Catalog, EventOf, EventSchemas, ParsedEvent, UnknownEvent } from './define-catalog.js';

/**
 * A handler of one event: receives exactly that event's type, and whatever context the caller routes with.
 *
 * @example
 * ```ts
 * const onConnected: EventHandler<CatalogEvent<typeof peridioEvents, 'device.connected'>, DeliveryContext> = (event, { delivery }) =>
 *   console.log(event.payload.data.data.device.identifier, delivery.id);
 * ```
 */
export type EventHandler<Event, Context = void> = (event: Event, context: Context) => unknown;

/**
 * Handlers keyed by canonical event name; any may be left out. A key that is not an event name is a compile error.
 *
 * @example
 * ```ts
 * const handlers: EventHandlers<typeof peridioEvents.events> = {
 *   'device.connected': (event) => console.log(event.payload.data.data.device.prn),
 * };
 * const router = createRouter(peridioEvents, handlers);
 * ```
 */
export type EventHandlers<Events extends EventSchemas, Context = void> = {
  readonly [Name in keyof Events & string]?: EventHandler<EventOf<Events, Name>, Context>;
};

/**
 * Handlers keyed by canonical event name, one for every event: a missing or misspelled key is a compile error.
 *
 * @example
 * ```ts
 * const handlers: ExhaustiveEventHandlers<typeof edgesenseEvents.events> = {
 *   'device.data': (event) => store(event.payload.payload),
 *   'device.alert': (event) => page(event.payload.deviceId),
 *   'device.status': () => undefined,
 *   'config.update': () => undefined,
 * };
 * ```
 */
export type ExhaustiveEventHandlers<Events extends EventSchemas, Context = void> = {
  readonly [Name in keyof Events & string]-?: EventHandler<EventOf<Events, Name>, Context>;
};

/**
 * Options of {@link createRouter} and {@link createExhaustiveRouter}.
 *
 * @example
 * ```ts
 * createRouter(peridioEvents, {}, {
 *   onUnknown: (event) => console.info('unknown', event.name),
 *   onUnhandled: (event) => console.debug('no handler for', event.name),
 * });
 * ```
 */
export interface RouterOptions<Events extends EventSchemas, Context = void> {
  /** The catch-all for event types the catalog does not know (a vendor's new event). Without it they are ignored. */
  readonly onUnknown?: EventHandler<UnknownEvent, Context>;
  /** Called for known events that have no handler of their own. Without it they are ignored. */
  readonly onUnhandled?: EventHandler<EventOf<Events>, Context>;
}

/**
 * Sends each parsed event to its handler.
 *
 * @example
 * ```ts
 * const router = createRouter(edgesenseEvents, { 'device.data': (event) => store(event.payload) });
 * const ran = await router.route(edgesenseEvents.parseOrThrow(delivery.payload)); // false for other events
 * ```
 */
export interface EventRouter<Events extends EventSchemas, Context = void> {
  readonly catalog: Catalog<Events>;
  /**
   * Runs the event's handler (or `onUnknown` / `onUnhandled`) and resolves to whether any ran.
   * A handler's error rejects the promise: the caller decides whether the sender should retry.
   */
  route(event: ParsedEvent<Events>, context: Context): Promise<boolean>;
  /** Whether a known event of this name has a handler of its own. */
  handles(name: string): boolean;
}

function build<Events extends EventSchemas, Context>(
  catalog: Catalog<Events>,
  handlers: { readonly [name: string]: EventHandler<never, Context> | undefined },
  options: RouterOptions<Events, Context>,
): EventRouter<Events, Context> {
  const table = new Map<string, EventHandler<ParsedEvent<Events>, Context>>();
  for (const [name, handler] of Object.entries(handlers)) {
    if (handler === undefined) continue;
    // Types stop a misspelled key at compile time; this stops it in JavaScript and in casts.
    if (catalog.canonicalName(name) !== name) {
      throw new ConfigurationError('invalid_option', `${catalog.name} has no event named ${JSON.stringify(name)}`);
    }
    if (typeof handler !== 'function') {
      throw new ConfigurationError('invalid_option', `the handler of ${JSON.stringify(name)} is not a function`);
    }
    table.set(name, handler as EventHandler<ParsedEvent<Events>, Context>);
  }
  const { onUnknown, onUnhandled } = options;

  const router: EventRouter<Events, Context> = {
    catalog,
    async route(event, context) {
      if (event.unknown) {
        if (!onUnknown) return false;
        await onUnknown(event, context);
        return true;
      }
      const handler = table.get(event.name) ?? (onUnhandled as EventHandler<ParsedEvent<Events>, Context> | undefined);
      if (!handler) return false;
      await handler(event, context);
      return true;
    },
    handles: (name) => table.has(name),
  };
  return Object.freeze(router);
}

/**
 * Creates a router from a map of handlers keyed by canonical event name. Each handler's
 * `event` is typed as exactly that event; keys that are not events of the catalog do not compile.
 * Handlers may leave events out: those go to `onUnhandled`, unknown types to `onUnknown`.
 *
 * The context is whatever you pass to `route`: annotate it on a handler, or give the type
 * arguments, e.g. `createRouter<typeof peridioEvents.events, { deliveryId: string }>(...)`.
 *
 * @example
 * ```ts
 * import { createRouter } from 'hookverify/events';
 * import { peridioEvents } from 'hookverify/peridio/events';
 *
 * const router = createRouter(
 *   peridioEvents,
 *   {
 *     'device.release-changed': async (event) => {
 *       await markUpdated(event.payload.data.data.device.prn, event.payload.data.data.to_release.version);
 *     },
 *   },
 *   { onUnknown: (event) => console.info('new Peridio event type', event.name) },
 * );
 *
 * const event = peridioEvents.parseOrThrow(delivery.payload);
 * await router.route(event);
 * ```
 */
export function createRouter<Events extends EventSchemas, Context = void>(
  catalog: Catalog<Events>,
  handlers: EventHandlers<Events, Context>,
  options: RouterOptions<Events, Context> = {},
): EventRouter<Events, Context> {
  return build(catalog, handlers, options);
}

/**
 * Like {@link createRouter}, but every event of the catalog must have a handler: when the
 * catalog gains an event (a new hookverify version, or your own catalog), code that does not
 * handle it stops compiling instead of silently ignoring it. Unknown types still go to `onUnknown`.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { createExhaustiveRouter, defineCatalog } from 'hookverify/events';
 *
 * const shipments = defineCatalog({
 *   name: 'shipper',
 *   eventType: 'event',
 *   events: {
 *     'shipment.created': z.looseObject({ event: z.literal('shipment.created'), data: z.looseObject({ id: z.string() }) }),
 *     'shipment.updated': z.looseObject({ event: z.literal('shipment.updated'), data: z.looseObject({ id: z.string() }) }),
 *   },
 * });
 *
 * const router = createExhaustiveRouter(shipments, {
 *   'shipment.created': (event) => console.log('new', event.payload.data.id),
 *   'shipment.updated': (event) => console.log('changed', event.payload.data.id),
 * });
 * ```
 */
export function createExhaustiveRouter<Events extends EventSchemas, Context = void>(
  catalog: Catalog<Events>,
  handlers: ExhaustiveEventHandlers<Events, Context>,
  options: Pick<RouterOptions<Events, Context>, 'onUnknown'> = {},
): EventRouter<Events, Context> {
  const missing = catalog.eventNames.filter((name) => typeof (handlers as Record<string, unknown>)[name] !== 'function');
  if (missing.length > 0) {
    throw new ConfigurationError('invalid_option', `no handler for ${missing.map((name) => JSON.stringify(name)).join(', ')}`);
  }
  return build(catalog, handlers, options);
}
