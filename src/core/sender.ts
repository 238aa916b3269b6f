// The plain-data way to describe a sender: one object a config file or a CLI module can hold,
// compiled here into the parts of ./scheme and composed by composeSender, which checks the
// safety rules. It names every part, so it imports them all: built-in senders name only
// their own parts and stay small.
import type { Duration } from './duration.js';
import { ConfigurationError } from './errors.js';
import { hmac } from './scheme/algorithms/hmac.js';
import { bytesBody } from './scheme/bodies/bytes-body.js';
import { formBody } from './scheme/bodies/form-body.js';
import { jsonBody } from './scheme/bodies/json-body.js';
import { textBody } from './scheme/bodies/text-body.js';
import { composeSender, type Sender, type SenderParts } from './scheme/compose-sender.js';
import { base64 } from './scheme/encodings/base64.js';
import { hex } from './scheme/encodings/hex.js';
import { headerName } from './scheme/check.js';
import { bodyDigest } from './scheme/ids/body-digest.js';
import { idFrom } from './scheme/ids/id-from.js';
import { SECRET_FORMS } from './scheme/keys/secret-forms.js';
import { signatureHeader, type SignatureHeaderSource } from './scheme/signatures/signature-header.js';
import { body } from './scheme/sources/body.js';
import { bodyField } from './scheme/sources/body-field.js';
import { header } from './scheme/sources/header.js';
import { rfc3339 } from './scheme/timestamps/rfc3339.js';
import { unixMillis } from './scheme/timestamps/unix-millis.js';
import { unixSeconds } from './scheme/timestamps/unix-seconds.js';
import type { BodyKind, IdContext, SignatureSource, SignedPart, TimestampPart, ValueSource } from './scheme/types.js';
import type { SecretEncoding } from './secrets.js';
import type { TimestampFormat } from './timestamps.js';

export type { Sender } from './scheme/compose-sender.js';
export type { IdContext, SignedPart } from './scheme/types.js';

/**
 * How a sender puts its signatures into a header, as plain data.
 *
 * @example
 * ```ts
 * import type { SignatureHeaderSpec } from 'hookverify';
 *
 * // GitHub: one hex signature behind "sha256=".
 * const github: SignatureHeaderSpec = { header: 'x-hub-signature-256', encoding: 'hex', prefix: 'sha256=' };
 * // Standard Webhooks: several base64 entries behind "v1,", space-separated.
 * const standard: SignatureHeaderSpec = { header: 'webhook-signature', encoding: 'base64', prefix: 'v1,', separator: ' ', skipOtherVersions: true };
 * ```
 */
export interface SignatureHeaderSpec {
  /** Header name, matched case-insensitively (e.g. `"x-hub-signature-256"`). */
  readonly header: string;
  /** How each signature is written. Hex is accepted in either case. */
  readonly encoding: 'hex' | 'base64';
  /** Text before each signature, e.g. `"sha256="` (GitHub) or `"v1,"` (Standard Webhooks). */
  readonly prefix?: string;
  /**
   * Text between signatures when the header may carry several (secret rolling): `","` for
   * Peridio, `" "` for Standard Webhooks. Omit when the sender sends exactly one.
   */
  readonly separator?: string;
  /**
   * When true, entries that lack `prefix` are another scheme version and are skipped
   * (Standard Webhooks' `v1a,` entries); when false they make the header malformed.
   */
  readonly skipOtherVersions?: boolean;
  /** How the sender writes hex digests; used only by the test signers. Default `"lower"`. */
  readonly hexCase?: 'lower' | 'upper';
}

/**
 * Where a sender puts the time a delivery was signed.
 *
 * @example
 * ```ts
 * import type { TimestampSpec } from 'hookverify';
 *
 * const inHeader: TimestampSpec = { header: 'x-timestamp', format: 'unix-seconds' };
 * const inBody: TimestampSpec = { bodyField: 'meta.sent_at', format: 'rfc3339' };
 * ```
 */
export type TimestampSpec =
  | { readonly header: string; readonly format: TimestampFormat }
  /** A dot path into the JSON body: checked only after the signature holds. */
  | { readonly bodyField: string; readonly format: TimestampFormat };

/**
 * Where a delivery's dedupe id comes from: a header, a dot path into the JSON body, a SHA-256
 * of the raw body (for senders that send no signed id: stable across retries of one delivery),
 * or a function of the verified payload.
 *
 * An id header must be part of `signedContent`: dedupe is what refuses a replay inside the
 * replay window (and, for a sender without a timestamp, the only thing that does), and an
 * unsigned id lets whoever holds one captured delivery replay it under new ids. Say
 * `unsignedAllowsReplay: true` to accept that; `{ bodyDigest: 'sha256' }` is the safe choice.
 *
 * @example
 * ```ts
 * import type { IdSpec } from 'hookverify';
 *
 * const fromHeader: IdSpec = { header: 'webhook-id' }; // signed: in signedContent
 * const fromBody: IdSpec = { bodyField: 'event.id' };
 * const fromBytes: IdSpec = { bodyDigest: 'sha256' }; // no id, or an unsigned one
 * ```
 */
export type IdSpec =
  | {
      readonly header: string;
      /** Accepts an id header that is not in `signedContent`, and with it that a captured delivery can be replayed under new ids. */
      readonly unsignedAllowsReplay?: true;
    }
  | { readonly bodyField: string }
  | { readonly bodyDigest: 'sha256' }
  | ((context: IdContext) => string | undefined);

/**
 * Where a delivery names its event type outside the payload's own members: a header (which must
 * be signed unless `unsignedAllowsRelabeling: true` says the cost is accepted), or a body field.
 *
 * @example
 * ```ts
 * import type { EventTypeSpec } from 'hookverify';
 *
 * const github: EventTypeSpec = { header: 'x-github-event', unsignedAllowsRelabeling: true };
 * const inBody: EventTypeSpec = { bodyField: 'type' };
 * ```
 */
export type EventTypeSpec =
  | {
      readonly header: string;
      /** Accepts an event-type header that is not in `signedContent`, and so payloads that may be relabelled. */
      readonly unsignedAllowsRelabeling?: true;
    }
  | { readonly bodyField: string };

/**
 * A complete description of an HMAC-SHA256 webhook sender whose signatures are in one header,
 * as plain data (a config file or a CLI sender module can hold it). Senders of other shapes
 * (parameters of a header, public keys, signed URLs) are composed from parts with
 * {@link composeSender}.
 *
 * @example
 * ```ts
 * import { defineSender, type SenderDefinition } from 'hookverify';
 *
 * const definition: SenderDefinition = {
 *   name: 'acme',
 *   signature: { header: 'x-acme-signature', encoding: 'hex' },
 *   signedContent: '{x-acme-delivery}.{x-acme-timestamp}.{body}',
 *   secretEncoding: 'utf8',
 *   timestamp: { header: 'x-acme-timestamp', format: 'unix-seconds' },
 *   id: { header: 'x-acme-delivery' }, // signed, so a replay cannot change it
 *   retryHorizon: '1d',
 * };
 * const acme = defineSender(definition);
 * ```
 */
export interface SenderDefinition {
  /** Short name used in results and errors, e.g. `"peridio"`. */
  readonly name: string;
  readonly signature: SignatureHeaderSpec;
  /**
   * What is signed, as a template: `{body}` is the raw body and `{header-name}` a header's
   * value exactly as received; anything else is literal. `"{body}"`,
   * `"{peridio-published-at}{body}"`, `"{webhook-id}.{webhook-timestamp}.{body}"`.
   */
  readonly signedContent: string;
  /** How secret strings become key bytes. */
  readonly secretEncoding: SecretEncoding;
  /** Where the signing time is; omit for senders that send none (no replay window then). */
  readonly timestamp?: TimestampSpec;
  /** Where the dedupe id is. */
  readonly id?: IdSpec;
  /** Where the event type is, when the sender names it outside the payload. */
  readonly eventType?: EventTypeSpec;
  /** What the body is: `"json"` (default), `"form"`, `"text"` or `"bytes"`. */
  readonly body?: 'json' | 'form' | 'text' | 'bytes';
  /** How long the sender keeps retrying a delivery; dedupe retention defaults to more than this. */
  readonly retryHorizon?: Duration;
  /**
   * The replay window verifiers use unless told otherwise; 5 minutes when omitted. Only a sender
   * that re-sends the same signed timestamp on every retry needs more: its window must cover
   * the retries, or late ones are refused and the event is lost.
   */
  readonly tolerance?: Duration;
}

const TIMESTAMP_PARTS: Readonly<Record<TimestampFormat, (source: ValueSource) => TimestampPart>> = {
  rfc3339,
  'unix-seconds': unixSeconds,
  'unix-millis': unixMillis,
};
const BODY_KINDS: Readonly<Record<string, BodyKind>> = { json: jsonBody, form: formBody, text: textBody, bytes: bytesBody };

function refuse(message: string): never {
  throw new ConfigurationError('invalid_option', message);
}

function own<T>(table: Readonly<Record<string, T>>, key: unknown): T | undefined {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

function parseTemplate(template: string): (SignedPart | string)[] {
  const parts: (SignedPart | string)[] = [];
  let rest = template;
  let bodies = 0;
  while (rest.length > 0) {
    const open = rest.indexOf('{');
    if (open === -1) {
      parts.push(rest);
      break;
    }
    if (open > 0) parts.push(rest.slice(0, open));
    const close = rest.indexOf('}', open);
    if (close === -1) refuse('signedContent has a "{" without "}"');
    const name = rest.slice(open + 1, close);
    if (name === 'body') {
      bodies++;
      parts.push(body);
    } else parts.push(header(headerName(name, `signedContent's {${name}}`)));
    rest = rest.slice(close + 1);
  }
  if (bodies !== 1) refuse('signedContent must contain {body} exactly once');
  return parts;
}

/** A `{ header }` or `{ bodyField }` spec as a source. */
function sourceOf(spec: { header?: unknown; bodyField?: unknown }, option: string): ValueSource {
  if ('header' in spec) return header(headerName(spec.header, `${option}.header`));
  if (typeof spec.bodyField !== 'string' || spec.bodyField === '') refuse(`${option}.bodyField must be a dot path such as "data.id"`);
  return bodyField(spec.bodyField);
}

/** An opt-in that weakens a guarantee is written `true`, nothing else: `"yes"` or 1 are mistakes. */
function optIn(value: unknown, option: string): boolean {
  if (value === undefined) return false;
  if (value !== true) refuse(`${option} must be true or left out`);
  return true;
}

function idOf(id: IdSpec | undefined): SenderParts['id'] {
  if (id === undefined) return undefined;
  if (typeof id === 'function') return idFrom(id);
  if (id === null || typeof id !== 'object') refuse('id must be { header }, { bodyField }, { bodyDigest: "sha256" } or a function');
  if ('bodyDigest' in id) {
    if (id.bodyDigest !== 'sha256') refuse('id.bodyDigest must be "sha256"');
    return bodyDigest;
  }
  const source = sourceOf(id, 'id');
  return 'header' in id && optIn(id.unsignedAllowsReplay, 'id.unsignedAllowsReplay') ? { source, unsignedAllowsReplay: true } : source;
}

function eventTypeOf(spec: EventTypeSpec | undefined): SenderParts['eventType'] {
  if (spec === undefined) return undefined;
  if (spec === null || typeof spec !== 'object' || (!('header' in spec) && !('bodyField' in spec))) refuse('eventType must be { header } or { bodyField }');
  const source = sourceOf(spec, 'eventType');
  return 'header' in spec && optIn(spec.unsignedAllowsRelabeling, 'eventType.unsignedAllowsRelabeling')
    ? { source, unsignedAllowsRelabeling: true }
    : source;
}

/**
 * A composed sender spread into a new object with some fields replaced, each in its plain form
 * or as a part: what {@link defineSender} takes besides a description and parts.
 *
 * @example
 * ```ts
 * import { defineSender, type EditedSender } from 'hookverify';
 * import { peridio } from 'hookverify/peridio';
 *
 * // Peridio's scheme, under another name and with the event's "id" field as dedupe id.
 * const edited: EditedSender = { ...peridio, name: 'peridio-staging', id: { bodyField: 'id' } };
 * const staging = defineSender(edited);
 * ```
 */
export type EditedSender = Omit<Sender, 'signature' | 'timestamp' | 'id' | 'eventType' | 'body'> & {
  readonly signature?: SignatureHeaderSpec | SignatureSource;
  readonly signedContent?: string;
  readonly secretEncoding?: SecretEncoding;
  readonly timestamp?: TimestampSpec | TimestampPart;
  readonly id?: IdSpec | SenderParts['id'];
  readonly eventType?: EventTypeSpec | SenderParts['eventType'];
  readonly body?: SenderDefinition['body'] | BodyKind;
};

/** True for a part of ./scheme, as opposed to a plain description of one. */
function isPart(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const part = value as { key?: unknown; compute?: unknown; parse?: unknown };
  return typeof part.key === 'string' || typeof part.compute === 'function' || typeof part.parse === 'function';
}

/** The signature header a plain spec, or an edited copy of a composed one, describes. */
function signatureOf(signature: SignatureHeaderSpec | SignatureSource | undefined): SignatureSource {
  if (signature === null || typeof signature !== 'object') refuse('signature must say which header carries the signature and how');
  // A frozen part is what a factory made; an unfrozen copy (`{ ...sender.signature, prefix }`)
  // is rebuilt from its data, so that what it says and what it does cannot differ.
  if (isPart(signature) && Object.isFrozen(signature)) return signature as SignatureSource;
  const spec = signature as SignatureHeaderSpec & { kind?: unknown; encoding: unknown };
  if (spec.kind !== undefined && spec.kind !== 'header') refuse('signature: only a signature header can be described as plain data');
  const name = typeof spec.encoding === 'string' ? spec.encoding : (spec.encoding as { name?: unknown } | null)?.name;
  const encoding = name === 'hex' ? hex : name === 'base64' ? base64 : refuse('signature.encoding must be "hex" or "base64"');
  return signatureHeader({ ...spec, encoding });
}

function timestampOf(spec: TimestampSpec | TimestampPart | undefined): TimestampPart | undefined {
  if (spec === undefined || spec === null || isPart(spec) || 'source' in spec) return spec as TimestampPart | undefined;
  const make = own(TIMESTAMP_PARTS, spec.format) ?? refuse(`timestamp.format must be one of ${Object.keys(TIMESTAMP_PARTS).join(', ')}`);
  // Otherwise the replay window would silently never be checked.
  if (!('header' in spec) && !('bodyField' in spec)) refuse('timestamp needs a header or a bodyField');
  return make(sourceOf(spec, 'timestamp'));
}

/** Anything {@link defineSender} takes, seen field by field. */
type AnyDefinition = Partial<Omit<SenderDefinition, 'body' | 'id' | 'eventType' | 'timestamp' | 'signature'>> &
  Partial<Omit<SenderParts, 'body' | 'id' | 'eventType' | 'timestamp'>> &
  Partial<Omit<Sender, 'body' | 'id' | 'eventType' | 'timestamp' | 'signature'>> & {
    readonly signature?: SignatureHeaderSpec | SignatureSource;
    readonly body?: unknown;
    readonly id?: unknown;
    readonly eventType?: unknown;
    readonly timestamp?: unknown;
  };

/**
 * The parts a description stands for, field by field: each field may be in its plain form
 * (`signedContent`, `secretEncoding`, `{ header }`...) or already a part, as in a composed
 * sender spread into a new object with some fields replaced.
 */
function partsOf(definition: AnyDefinition): SenderParts {
  const signed =
    typeof definition.signedContent === 'string'
      ? parseTemplate(definition.signedContent)
      : (definition.signed ?? definition.signedParts ?? refuse('signedContent must be a template string such as "{body}"'));
  const algorithm =
    definition.secretEncoding !== undefined || definition.algorithm === undefined
      ? hmac('sha256', own(SECRET_FORMS, definition.secretEncoding) ?? refuse(`secretEncoding must be one of ${Object.keys(SECRET_FORMS).join(', ')}`))
      : definition.algorithm;
  let id = isPart(definition.id) ? (definition.id as SenderParts['id']) : idOf(definition.id as IdSpec | undefined);
  // A spread sender says in flags what its parts accepted.
  if (definition.unsignedIdAllowsReplay === true && isPart(id) && 'bind' in (id as object)) id = { source: id as ValueSource, unsignedAllowsReplay: true };
  let eventType = isPart(definition.eventType) ? (definition.eventType as SenderParts['eventType']) : eventTypeOf(definition.eventType as EventTypeSpec | undefined);
  if (definition.unsignedEventTypeAllowsRelabeling === true && isPart(eventType)) eventType = { source: eventType as ValueSource, unsignedAllowsRelabeling: true };
  const body = definition.body;
  return {
    name: definition.name!,
    signatures: signatureOf(definition.signature ?? definition.signatures),
    signed,
    algorithm,
    timestamp: timestampOf(definition.timestamp as TimestampSpec | undefined),
    id,
    eventType,
    body: typeof body === 'string' ? (own(BODY_KINDS, body) ?? refuse('body must be "json", "form", "text" or "bytes"')) : (body as BodyKind | undefined),
    retryHorizon: definition.retryHorizon,
    tolerance: definition.tolerance,
  };
}

/**
 * Validates a plain sender description once and composes it ({@link composeSender} checks the
 * safety rules). Header names become lower-case. Also accepts parts, or a composed sender spread
 * into a new object with some parts replaced.
 *
 * @example
 * ```ts
 * import { defineSender, createVerifier } from 'hookverify';
 *
 * // GitHub: `x-hub-signature-256: sha256=<hex>` over the raw body, keyed by the UTF-8 secret.
 * // Only the body is signed and there is no timestamp: dedupe on the body's digest.
 * const github = defineSender({
 *   name: 'github',
 *   signature: { header: 'x-hub-signature-256', encoding: 'hex', prefix: 'sha256=' },
 *   signedContent: '{body}',
 *   secretEncoding: 'utf8',
 *   id: { bodyDigest: 'sha256' },
 *   eventType: { header: 'x-github-event', unsignedAllowsRelabeling: true },
 * });
 * const verifier = createVerifier(github, { secret: process.env.GITHUB_WEBHOOK_SECRET });
 * ```
 */
export function defineSender(definition: SenderDefinition): Sender<SignatureHeaderSource>;
export function defineSender<Signatures extends SignatureSource>(definition: SenderParts<Signatures>): Sender<Signatures>;
export function defineSender(definition: EditedSender): Sender;
export function defineSender(definition: SenderDefinition | SenderParts | EditedSender): Sender {
  // Definitions often come from plain JavaScript or config files: refuse bad shapes with a
  // ConfigurationError here rather than a TypeError on the first request.
  if (definition === null || typeof definition !== 'object') refuse('defineSender needs a sender description object');
  if (typeof definition.name !== 'string' || definition.name.length === 0) refuse('a sender needs a non-empty name');
  return composeSender(partsOf(definition as AnyDefinition));
}
