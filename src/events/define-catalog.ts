import * as z from 'zod/mini';
// By name: `z.locales.en` would keep every locale in a bundle, not only English.
import { en } from 'zod/v4/locales';
import { ConfigurationError, EventValidationError, type EventErrorCode } from '../core/errors.js';
import type { Sender } from '../core/sender.js';
import { compileInPlaceCheck, type InPlaceCheck } from './in-place-check.js';
import { describeIssues, summarizeIssues, type EventIssue } from './describe-issues.js';

/**
 * A catalog's events: canonical event name -> zod schema of the whole payload. Any zod 4
 * schema will do, made with `zod` or with `zod/mini`.
 *
 * @example
 * ```ts
 * const events = { 'user.created': z.looseObject({ type: z.literal('user.created') }) } satisfies EventSchemas;
 * ```
 */
export type EventSchemas = { readonly [name: string]: z.core.$ZodType };

/**
 * Where a payload says which event it is: a dot path to a string member (`"type"`), several
 * paths whose values are joined with `"."` (Peridio: `["type", "data.type"]` gives
 * `device.release_changed`), a function for anything else, or `{ fromDelivery: true }` for a
 * sender that names the event outside the payload (GitHub's `x-github-event` header): the type
 * is then the verified delivery's `eventType`, which the receiver passes to `parse` (call it
 * yourself as `parse(delivery.payload, { eventType: delivery.eventType })`).
 *
 * @example
 * ```ts
 * defineCatalog({ name: 'acme', eventType: 'type', events });                 // payload.type
 * defineCatalog({ name: 'peridio-like', eventType: ['type', 'data.type'], events }); // "device.connected"
 * defineCatalog({ name: 'odd', eventType: (payload) => (payload as { kind?: string }).kind?.toLowerCase(), events });
 * defineCatalog({ name: 'github', eventType: { fromDelivery: true }, events });     // delivery.eventType
 * ```
 */
export type EventTypeLocator =
  | string
  | readonly string[]
  | ((payload: unknown) => string | undefined)
  | { readonly fromDelivery: true };

/**
 * What {@link defineCatalog} takes.
 *
 * @example
 * ```ts
 * const definition: CatalogDefinition<typeof events> = { name: 'acme', eventType: 'type', events };
 * const acmeEvents = defineCatalog(definition);
 * ```
 */
export interface CatalogDefinition<Events extends EventSchemas> {
  /** Short name used in messages, e.g. `"peridio"`. */
  readonly name: string;
  /** The sender whose verified deliveries this catalog parses; informative, for adapters and docs. */
  readonly sender?: Sender;
  /** Where each payload names its event type. */
  readonly eventType: EventTypeLocator;
  /** Canonical event name -> schema of the whole payload. Use loose objects so vendors' new members are kept. */
  readonly events: Events;
  /** Other spellings of an event type -> its canonical name (Peridio: `device.release_changed` -> `device.release-changed`). */
  readonly aliases?: { readonly [spelling: string]: keyof Events & string };
}

/**
 * An event of the catalog: its canonical name and its payload, typed by the event's schema.
 *
 * @example
 * ```ts
 * const event = peridioEvents.parseOrThrow(payload);
 * if (!event.unknown && event.name === 'device.connected') console.log(event.payload.data.data.device.identifier);
 * ```
 */
export interface KnownEvent<Name extends string = string, Payload = unknown> {
  /** The canonical event name, whatever spelling the sender used. */
  readonly name: Name;
  /** The payload as the schema outputs it; members the schema does not name are kept. */
  readonly payload: Payload;
  readonly unknown: false;
}

/**
 * A verified payload whose event type the catalog does not know (yet): not an error unless parsing is strict.
 *
 * @example
 * ```ts
 * const event = peridioEvents.parseOrThrow(payload);
 * if (event.unknown) console.info(`Peridio sent a type this version does not know: ${event.name}`);
 * ```
 */
export interface UnknownEvent {
  /** The event type as the sender spelled it. */
  readonly name: string;
  /** The payload, untouched. */
  readonly payload: unknown;
  readonly unknown: true;
}

/**
 * The event named `Name` of a catalog with these schemas.
 *
 * @example
 * ```ts
 * type Connected = EventOf<typeof peridioEvents.events, 'device.connected'>;
 * // { name: 'device.connected'; payload: PeridioDeviceConnectedEvent; unknown: false }
 * ```
 */
export type EventOf<Events extends EventSchemas, Name extends keyof Events & string = keyof Events & string> = {
  readonly [N in Name]: KnownEvent<N, z.output<Events[N]>>;
}[Name];

/**
 * Any event a parse can produce: a known event of the catalog or an {@link UnknownEvent}.
 *
 * @example
 * ```ts
 * function log(event: ParsedEvent<typeof peridioEvents.events>) {
 *   console.log(event.unknown ? `unknown ${event.name}` : event.name);
 * }
 * ```
 */
export type ParsedEvent<Events extends EventSchemas> = EventOf<Events> | UnknownEvent;

/**
 * Why a payload was not accepted, as a value.
 *
 * @example
 * ```ts
 * const result = peridioEvents.parse(payload);
 * if (!result.ok) for (const issue of result.issues) console.warn(result.code, issue.path, issue.message);
 * ```
 */
export interface EventParseFailure {
  readonly ok: false;
  /** `invalid_event`: the payload does not match its event's schema (or names no event); `unknown_event`: strict parsing met an unknown type. */
  readonly code: EventErrorCode;
  /** One line naming the first failing path, e.g. `data.data.device.prn: ...`. */
  readonly message: string;
  /** The canonical (or, when unknown, the sender's) event name, if the payload names one. */
  readonly name: string | undefined;
  /** Every failing path. */
  readonly issues: readonly EventIssue[];
}

/**
 * The result of {@link Catalog.parse}: never throws.
 *
 * @example
 * ```ts
 * const result: ParseResult<CatalogEvent<typeof peridioEvents>> = peridioEvents.parse(payload, { strict: true });
 * ```
 */
export type ParseResult<Event> = { readonly ok: true; readonly event: Event } | EventParseFailure;

/**
 * Options of {@link Catalog.parse}.
 *
 * @example
 * ```ts
 * peridioEvents.parse(payload, { strict: true }); // unknown types -> { ok: false, code: 'unknown_event' }
 * ```
 */
export interface ParseOptions {
  /** Reject event types the catalog does not know with `unknown_event` instead of returning an {@link UnknownEvent}. */
  readonly strict?: boolean;
  /**
   * The delivery's event type (`VerifiedDelivery.eventType`), for a catalog defined with
   * `eventType: { fromDelivery: true }`; other catalogs read the type from the payload and ignore it.
   */
  readonly eventType?: string | undefined;
}

/**
 * A set of typed events of one sender, made by {@link defineCatalog}.
 *
 * @example
 * ```ts
 * import { peridioEvents } from 'hookverify/peridio/events';
 *
 * peridioEvents.eventNames; // ['device.connected', ...]
 * peridioEvents.canonicalName('device.release_changed'); // 'device.release-changed'
 * const result = peridioEvents.parse(delivery.payload);
 * ```
 */
export interface Catalog<Events extends EventSchemas = EventSchemas> {
  readonly name: string;
  readonly sender: Sender | undefined;
  /** Canonical event name -> schema. */
  readonly events: Events;
  /** The canonical event names, in definition order. */
  readonly eventNames: readonly (keyof Events & string)[];
  /** The canonical name of an event type spelling (an alias or the name itself), or undefined when unknown. */
  canonicalName(spelling: string): (keyof Events & string) | undefined;
  /** Parses a verified payload. Never throws; unknown types come out as {@link UnknownEvent} unless `strict`. */
  parse(payload: unknown, options: ParseOptions & { readonly strict: true }): ParseResult<EventOf<Events>>;
  parse(payload: unknown, options?: ParseOptions): ParseResult<ParsedEvent<Events>>;
  /** Like `parse`, but throws an {@link EventValidationError} instead of returning a failure. */
  parseOrThrow(payload: unknown, options: ParseOptions & { readonly strict: true }): EventOf<Events>;
  parseOrThrow(payload: unknown, options?: ParseOptions): ParsedEvent<Events>;
}

/**
 * Any catalog, whatever its events: for code that takes catalogs generically. (Event names
 * appear in both input and output positions of a catalog, so `Catalog<X>` is not assignable to
 * `Catalog`; this is.)
 *
 * @example
 * ```ts
 * import type { AnyCatalog } from 'hookverify/events';
 *
 * function describe(catalog: AnyCatalog): string {
 *   return `${catalog.name}: ${catalog.eventNames.join(', ')}`;
 * }
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCatalog = Catalog<any>;

/**
 * The schemas of a catalog, e.g. `EventsOf<typeof peridioEvents>`.
 *
 * @example
 * ```ts
 * type Schemas = EventsOf<typeof peridioEvents>; // typeof peridioEventSchemas
 * ```
 */
export type EventsOf<C> = C extends Catalog<infer Events> ? Events : never;

/**
 * The canonical event names of a catalog, e.g. `EventNameOf<typeof peridioEvents>`.
 *
 * @example
 * ```ts
 * type Name = EventNameOf<typeof edgesenseEvents>; // 'device.data' | 'device.alert' | 'device.status' | 'config.update'
 * ```
 */
export type EventNameOf<C> = keyof EventsOf<C> & string;

/**
 * The parsed event of a catalog named `Name`, e.g. `CatalogEvent<typeof peridioEvents, 'device.connected'>`.
 *
 * @example
 * ```ts
 * async function onConnected(event: CatalogEvent<typeof peridioEvents, 'device.connected'>) {
 *   await markOnline(event.payload.data.data.device.prn);
 * }
 * ```
 */
export type CatalogEvent<C, Name extends EventNameOf<C> = EventNameOf<C>> = EventOf<EventsOf<C>, Name>;

// Event names end up in messages and logs; a sender could name an event with anything.
const MAX_NAME_IN_MESSAGE = 100;

function quote(name: string): string {
  return JSON.stringify(name.length > MAX_NAME_IN_MESSAGE ? `${name.slice(0, MAX_NAME_IN_MESSAGE)}...` : name);
}

function readPath(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * The event the payload names, when the catalog knows it, else the spelling it names (read only
 * then: a known event's spelling is never built).
 */
type TypeReader = (payload: unknown, options: ParseOptions | undefined) => { name: string; event: string | undefined } | { missing: string };

// Spellings by their values, one level per path: `device` -> `checked_for_release` -> the event.
type SpellingIndex = Map<string, SpellingIndex | string>;
// A spelling with more ways to split than this is found by joining (an event name with very
// many dots): the index is only a shortcut.
const MAX_SPLITS = 64;

/**
 * Every spelling split into `parts` values at its dots, in every way: a value may itself hold
 * dots, and `a` + `.` + `b.c` names the same spelling as `a.b` + `.` + `c`.
 */
function spellingIndex(lookup: ReadonlyMap<string, string>, parts: number): SpellingIndex {
  const index: SpellingIndex = new Map();
  const splits = (text: string, count: number): string[][] => {
    if (count === 1) return [[text]];
    const found: string[][] = [];
    for (let dot = text.indexOf('.'); dot !== -1 && found.length <= MAX_SPLITS; dot = text.indexOf('.', dot + 1)) {
      for (const rest of splits(text.slice(dot + 1), count - 1)) found.push([text.slice(0, dot), ...rest]);
    }
    return found;
  };
  for (const [spelling, event] of lookup) {
    const ways = splits(spelling, parts);
    if (ways.length > MAX_SPLITS) continue;
    for (const values of ways) {
      let level = index;
      for (let i = 0; i < values.length - 1; i++) {
        let next = level.get(values[i]!);
        if (next === undefined) level.set(values[i]!, (next = new Map()));
        level = next as SpellingIndex;
      }
      level.set(values[values.length - 1]!, event);
    }
  }
  return index;
}

function typeReader(locator: EventTypeLocator, lookup: ReadonlyMap<string, string>): TypeReader {
  if (typeof locator === 'object' && locator !== null && !Array.isArray(locator)) {
    if ((locator as { fromDelivery?: unknown }).fromDelivery !== true) {
      throw new ConfigurationError('invalid_option', 'eventType must be a dot path, a list of dot paths, a function or { fromDelivery: true }');
    }
    return (_payload, options) => {
      const name = options?.eventType;
      return typeof name === 'string' && name.length > 0 ? { name, event: lookup.get(name) } : { missing: 'eventType' };
    };
  }
  if (typeof locator === 'function') {
    return (payload) => {
      let name: string | undefined;
      try {
        name = locator(payload);
      } catch {
        // A locator written for well-formed payloads (`payload.data.type`) throws on others:
        // that is a payload without a type, not a crash.
        name = undefined;
      }
      return typeof name === 'string' && name.length > 0 ? { name, event: lookup.get(name) } : { missing: '' };
    };
  }
  const paths = (typeof locator === 'string' ? [locator] : [...(locator as readonly string[])]).map((path) => path.split('.'));
  if (paths.length === 0 || paths.some((path) => path.some((key) => key.length === 0))) {
    throw new ConfigurationError('invalid_option', 'eventType must be a dot path, a list of dot paths or a function');
  }
  if (paths.length === 1) {
    const path = paths[0]!;
    return (payload) => {
      const name = readPath(payload, path);
      return typeof name === 'string' && name.length > 0 ? { name, event: lookup.get(name) } : { missing: path.join('.') };
    };
  }
  // Built here so that a parse never joins the values: hashing the joined string took about
  // 100-200 ns of a 2 µs typed parse, a walk over the values about 20 ns.
  const index = spellingIndex(lookup, paths.length);
  const values: string[] = new Array(paths.length);
  return (payload) => {
    let level: SpellingIndex | string | undefined = index;
    for (let i = 0; i < paths.length; i++) {
      const value = readPath(payload, paths[i]!);
      if (typeof value !== 'string' || value.length === 0) return { missing: paths[i]!.join('.') };
      values[i] = value;
      level = typeof level === 'object' ? level.get(value) : undefined;
    }
    if (typeof level === 'string') return { name: level, event: level };
    const name = values.join('.');
    return { name, event: lookup.get(name) };
  };
}

// zod/mini loads no locale, and nothing here may set one globally (that is the application's
// z.config): without this every message would be "Invalid input". What the application
// configured still comes first, as it did when classic zod registered English for everyone.
const english = en().localeError;
const withMessages: z.core.ParseContext<z.core.$ZodIssue> = {
  error: (issue) => {
    const { customError, localeError } = z.config();
    return customError?.(issue) ?? localeError?.(issue) ?? english(issue);
  },
};

/**
 * zod's safeParse, which takes classic and mini schemas alike (`$ZodType` declares no methods).
 * Parse options are left out of the first parse: zod copies them into a fresh context on every
 * call, and with that copy a Peridio event took 1.7 times as long to validate. Messages are needed
 * only for a payload that fails, and only when no locale is configured (an application that
 * loads classic zod has English), so only then is it parsed again, with them.
 */
function validate(schema: z.core.$ZodType, payload: unknown): z.core.util.SafeParseResult<unknown> {
  const result = z.safeParse(schema, payload);
  if (result.success || z.config().localeError) return result;
  const described = z.safeParse(schema, payload, withMessages);
  // Only a schema that answers differently for the same payload gets here; keep its first answer.
  return described.success ? result : described;
}

/** The schema's in-place check, or null: zod parses every payload of a schema that has none. */
function compileOnce(schema: z.core.$ZodType): InPlaceCheck | null {
  try {
    return compileInPlaceCheck(schema) ?? null;
  } catch {
    // A schema whose internals read differently than zod 4's own (a future zod, a hand-made
    // schema) is left to zod, which is what any schema without a check gets.
    return null;
  }
}

function failure(code: EventErrorCode, message: string, name: string | undefined, issues: EventIssue[]): EventParseFailure {
  return Object.freeze({ ok: false as const, code, message, name, issues: Object.freeze(issues) });
}

/**
 * Describes a sender's events: where a payload names its type, and a zod schema per event.
 * The built-in Peridio and EdgeSense catalogs are made with it; make one the same way for any
 * other sender and get the same parsing, typing and routing.
 *
 * Parsing never strips members the schema does not name when the schemas are loose objects
 * (`z.looseObject`), which is what every built-in schema is: vendors add fields over time.
 *
 * A valid payload is checked in place, not copied: `event.payload` is the very object passed
 * in whenever zod's output would equal it (a schema without transforms, defaults or stripped
 * members, as every built-in one is), and zod's output otherwise. A payload the in-place check
 * does not accept is parsed by zod, which decides and describes the issues, so a refinement
 * runs once for a valid payload and up to three times for an invalid one: keep refinements pure.
 *
 * The schemas may come from `zod` or from `zod/mini` (any zod 4). Issue messages are zod's
 * English ones, or what the application set with `z.config` (a locale, a `customError`); the
 * catalog never changes zod's global configuration.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { defineCatalog } from 'hookverify/events';
 *
 * const acmeEvents = defineCatalog({
 *   name: 'acme',
 *   eventType: 'type',
 *   events: {
 *     'user.created': z.looseObject({
 *       id: z.string(),
 *       type: z.literal('user.created'),
 *       data: z.looseObject({ id: z.string(), email: z.string() }),
 *     }),
 *   },
 * });
 *
 * const result = acmeEvents.parse(delivery.payload);
 * if (result.ok && !result.event.unknown) console.log(result.event.payload.data.email);
 * else if (!result.ok) console.warn(result.code, result.message); // e.g. "data.email: Invalid input ..."
 * ```
 */
export function defineCatalog<const Events extends EventSchemas>(definition: CatalogDefinition<Events>): Catalog<Events> {
  const catalogName = definition.name;
  if (typeof catalogName !== 'string' || catalogName.length === 0) {
    throw new ConfigurationError('invalid_option', 'a catalog needs a non-empty name');
  }
  const events = definition.events;
  const eventNames = Object.keys(events) as (keyof Events & string)[];
  const lookup = new Map<string, keyof Events & string>();
  for (const name of eventNames) {
    if (name.length === 0) throw new ConfigurationError('invalid_option', `${catalogName}: an event name cannot be empty`);
    // What parsing needs of a zod 4 schema, classic or mini; a zod 3 schema has no `_zod`.
    const schema = events[name] as { _zod?: { run?: unknown } } | undefined;
    if (typeof schema?._zod?.run !== 'function') {
      throw new ConfigurationError('invalid_option', `${catalogName}: the schema of ${quote(name)} is not a zod 4 schema`);
    }
    lookup.set(name, name);
  }
  for (const [spelling, target] of Object.entries(definition.aliases ?? {})) {
    if (!lookup.has(target) || lookup.get(target) !== target) {
      throw new ConfigurationError('invalid_option', `${catalogName}: alias ${quote(spelling)} points to ${quote(target)}, which is not an event`);
    }
    if (lookup.has(spelling)) {
      throw new ConfigurationError('invalid_option', `${catalogName}: alias ${quote(spelling)} is already an event name or alias`);
    }
    lookup.set(spelling, target);
  }
  const readType = typeReader(definition.eventType, lookup);
  // Compiled on an event's first parse, not here: a catalog of many events costs nothing up front.
  const inPlace = new Map<string, InPlaceCheck | null>();
  const fromDelivery = typeof definition.eventType === 'object' && !Array.isArray(definition.eventType);

  function parse(payload: unknown, options?: ParseOptions): ParseResult<ParsedEvent<Events>> {
    const located = readType(payload, options);
    if ('missing' in located) {
      const where = located.missing;
      const message = fromDelivery
        ? "expected the delivery's event type: parse(delivery.payload, { eventType: delivery.eventType })"
        : 'expected a string naming the event type';
      return failure(
        'invalid_event',
        `${catalogName}: the ${fromDelivery ? 'delivery' : 'payload'} names no event type${where ? ` (${where}: ${message})` : ''}`,
        undefined,
        [{ path: where, message }],
      );
    }
    const spelling = located.name;
    const name = located.event as (keyof Events & string) | undefined;
    if (name === undefined) {
      if (options?.strict === true) {
        const message = `${catalogName}: ${quote(spelling)} is not an event of this catalog`;
        return failure('unknown_event', message, spelling, [{ path: '', message }]);
      }
      return { ok: true, event: Object.freeze({ name: spelling, payload, unknown: true as const }) };
    }
    let check = inPlace.get(name);
    if (check === undefined) {
      check = compileOnce(events[name]!);
      inPlace.set(name, check);
    }
    // A valid payload is used as it is; zod decides (and describes) everything else.
    if (check !== null && check(payload)) return known(name, payload);
    const result = validate(events[name]!, payload);
    if (!result.success) {
      const issues = describeIssues(result.error.issues);
      return failure('invalid_event', `${catalogName} ${name}: ${summarizeIssues(issues)}`, name, issues);
    }
    return known(name, result.data);
  }

  function known(name: keyof Events & string, payload: unknown): ParseResult<ParsedEvent<Events>> {
    return { ok: true, event: Object.freeze({ name, payload, unknown: false as const } as EventOf<Events>) };
  }

  function parseOrThrow(payload: unknown, options?: ParseOptions): ParsedEvent<Events> {
    const result = parse(payload, options);
    if (result.ok) return result.event;
    throw new EventValidationError(result.code, result.message);
  }

  const catalog: Catalog<Events> = {
    name: catalogName,
    sender: definition.sender,
    events,
    eventNames: Object.freeze(eventNames),
    canonicalName: (spelling) => lookup.get(spelling),
    parse: parse as Catalog<Events>['parse'],
    parseOrThrow: parseOrThrow as Catalog<Events>['parseOrThrow'],
  };
  return Object.freeze(catalog);
}
