/**
 * `hookverify/events`: describe a sender's events with zod schemas (classic `zod` or
 * `zod/mini`, any zod 4) and route them to typed handlers. The built-in catalogs
 * (`hookverify/peridio/events`, `hookverify/edgesense/events`) are made with these same functions.
 *
 * @module
 */
export {
  defineCatalog,
  type AnyCatalog,
  type Catalog,
  type CatalogDefinition,
  type CatalogEvent,
  type EventNameOf,
  type EventOf,
  type EventParseFailure,
  type EventSchemas,
  type EventsOf,
  type EventTypeLocator,
  type KnownEvent,
  type ParsedEvent,
  type ParseOptions,
  type ParseResult,
  type UnknownEvent,
} from './define-catalog.js';
export { dateTimeSchema } from './date-time-schema.js';
export type { EventIssue } from './describe-issues.js';
export {
  createExhaustiveRouter,
  createRouter,
  type EventHandler,
  type EventHandlers,
  type EventRouter,
  type ExhaustiveEventHandlers,
  type RouterOptions,
} from './create-router.js';
