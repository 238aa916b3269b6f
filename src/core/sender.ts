import { isBodyKind, type BodyKind } from './body-kind.js';
import type { Duration } from './duration.js';
import { ConfigurationError } from './errors.js';
import type { HeadersInput } from './headers.js';
import type { SecretEncoding } from './secrets.js';
import type { TimestampFormat } from './timestamps.js';

/**
 * How a sender puts its signatures into a header.
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
 * What a custom id function sees: the verified payload and the request headers.
 *
 * The payload is authentic; the headers are not, except those in `signedContent`. An id read
 * from any other header can be changed by whoever replays a captured delivery, and each new
 * value gets past dedupe: read the id from the payload or from a signed header.
 *
 * @example
 * ```ts
 * import { defineSender, type IdContext } from 'hookverify';
 *
 * const idOf = ({ payload }: IdContext) => (payload as { event?: { id?: string } }).event?.id;
 * const vendor = defineSender({ name: 'vendor', signature: { header: 'x-signature', encoding: 'hex' }, signedContent: '{body}', secretEncoding: 'utf8', id: idOf });
 * ```
 */
export interface IdContext {
  readonly payload: unknown;
  readonly headers: HeadersInput;
}

/**
 * Where a delivery's dedupe id comes from: a header, a dot path into the JSON body, a SHA-256
 * of the raw body (for senders that send no id: stable across retries of one delivery), or a
 * function of the verified payload.
 *
 * An id header must be part of `signedContent`: dedupe is what refuses a replay inside the
 * replay window (and, for a sender without a timestamp, the only thing that does), and an
 * unsigned id lets whoever holds one captured delivery replay it under a new id as often as
 * they like. {@link defineSender} refuses an unsigned id header unless the definition says
 * `unsignedAllowsReplay: true`; `{ bodyDigest: 'sha256' }` is the safe choice for such senders.
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
      /**
       * Accepts an id header that is not in `signedContent`, and with it that a captured
       * delivery can be replayed under new ids, each processed again.
       */
      readonly unsignedAllowsReplay?: true;
    }
  | { readonly bodyField: string }
  | { readonly bodyDigest: 'sha256' }
  | ((context: IdContext) => string | undefined);

/**
 * Where a delivery names its event type, surfaced as `VerifiedDelivery.eventType` for routing
 * and for catalogs defined with `eventType: { fromDelivery: true }`: a header, or a dot path
 * into the JSON body. Senders whose body names its type (Peridio, EdgeSense) need neither: their
 * catalogs read it from the payload.
 *
 * A header must be part of `signedContent`, as an id header must: otherwise whoever holds a
 * captured delivery can resend its authentic payload labelled as another event. Say
 * `unsignedAllowsRelabeling: true` to accept that (GitHub signs only its body); a typed catalog
 * then still validates the payload against the schema of the event it is labelled as, and
 * dedupe on a body digest treats a relabelled copy as the duplicate it is.
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
 * A complete description of an HMAC-SHA256 webhook sender. The built-in Peridio, EdgeSense and
 * Standard Webhooks senders are values of this type; describe any other vendor the same way.
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
  /** Where the event type is, when the sender names it outside the payload's own members. */
  readonly eventType?: EventTypeSpec;
  /** What the body is, and so what `payload` is: `"json"` (default), `"text"` or `"bytes"`. */
  readonly body?: BodyKind;
  /** How long the sender keeps retrying a delivery; dedupe retention defaults to more than this. */
  readonly retryHorizon?: Duration;
  /**
   * The replay window verifiers use unless told otherwise; 5 minutes when omitted. Only a sender
   * that re-sends the same signed timestamp on every retry needs more: its window must cover
   * the retries, or late ones are refused and the event is lost.
   */
  readonly tolerance?: Duration;
}

/**
 * One piece of the signed content: literal text, a header's value, or the body.
 *
 * @example
 * ```ts
 * import { peridio } from 'hookverify/peridio';
 *
 * // [{ kind: 'header', name: 'peridio-published-at' }, { kind: 'body' }]
 * console.log(peridio.signedParts);
 * ```
 */
export type SignedPart =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'header'; readonly name: string }
  | { readonly kind: 'body' };

/**
 * A validated, frozen sender description, ready to build verifiers and signers from.
 *
 * @example
 * ```ts
 * import { createVerifier, type Sender } from 'hookverify';
 * import { peridio } from 'hookverify/peridio';
 *
 * function verifierFor(sender: Sender, secret: string) {
 *   return createVerifier(sender, { secret });
 * }
 * const verifier = verifierFor(peridio, process.env.PERIDIO_WEBHOOK_SECRET!);
 * ```
 */
export interface Sender extends SenderDefinition {
  /** The template split into its parts. */
  readonly signedParts: readonly SignedPart[];
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;
const SECRET_ENCODINGS: readonly SecretEncoding[] = ['utf8', 'hex', 'base64', 'whsec'];
const TIMESTAMP_FORMATS: readonly TimestampFormat[] = ['rfc3339', 'unix-seconds', 'unix-millis'];

function checkHeaderName(name: unknown, option: string): string {
  if (typeof name !== 'string' || !HEADER_NAME.test(name.toLowerCase())) {
    throw new ConfigurationError('invalid_option', `${option} must be an HTTP header name`);
  }
  return name.toLowerCase();
}

/**
 * Checks a body kind against a definition (a sender's own, or a verifier's override): only JSON
 * can hold the fields a `bodyField` names.
 */
export function checkBodyKind(definition: Pick<SenderDefinition, 'timestamp' | 'id' | 'eventType'>, body: unknown): BodyKind {
  if (!isBodyKind(body)) throw new ConfigurationError('invalid_option', 'body must be "json", "text" or "bytes"');
  if (body !== 'json') {
    for (const [option, spec] of [['timestamp', definition.timestamp], ['id', definition.id], ['eventType', definition.eventType]] as const) {
      if (spec && typeof spec === 'object' && 'bodyField' in spec) {
        throw new ConfigurationError('invalid_option', `${option}.bodyField needs a JSON body, not "${body}"`);
      }
    }
  }
  return body;
}

/**
 * An id or event type read from a header: one outside signedContent is refused, since a replay
 * can rewrite it, unless the definition accepts what that costs by its opt-in's name. The
 * opt-in is written `true`, nothing else: `"yes"` or 1 are mistakes.
 */
function headerSource<Spec extends { readonly header: string }>(
  spec: Spec,
  option: string,
  optIn: keyof Spec & string,
  signed: (name: string) => boolean,
  cost: string,
): Spec {
  const name = checkHeaderName(spec.header, `${option}.header`);
  const accepted = spec[optIn];
  if (accepted !== undefined && accepted !== true) {
    throw new ConfigurationError('invalid_option', `${option}.${optIn} must be true or left out`);
  }
  if (accepted !== true && !signed(name)) {
    throw new ConfigurationError(
      'invalid_option',
      `${option}.header "${name}" is not in signedContent: ${cost}, or accept that with ${optIn}: true`,
    );
  }
  return Object.freeze({ ...spec, header: name });
}

function parseTemplate(template: string): SignedPart[] {
  const parts: SignedPart[] = [];
  let rest = template;
  let bodies = 0;
  while (rest.length > 0) {
    const open = rest.indexOf('{');
    if (open === -1) {
      parts.push({ kind: 'literal', text: rest });
      break;
    }
    if (open > 0) parts.push({ kind: 'literal', text: rest.slice(0, open) });
    const close = rest.indexOf('}', open);
    if (close === -1) throw new ConfigurationError('invalid_option', 'signedContent has a "{" without "}"');
    const name = rest.slice(open + 1, close);
    if (name === 'body') {
      bodies++;
      parts.push({ kind: 'body' });
    } else parts.push({ kind: 'header', name: checkHeaderName(name, `signedContent's {${name}}`) });
    rest = rest.slice(close + 1);
  }
  if (bodies !== 1) {
    throw new ConfigurationError('invalid_option', 'signedContent must contain {body} exactly once');
  }
  return parts;
}

/**
 * Validates a sender description once and freezes it. Header names become lower-case.
 *
 * The safety rules live here, so that no definition can forget them: a timestamp header must be
 * signed (or a replay rewrites it); so must an id header (or a replay changes it and gets past
 * dedupe) and an event-type header (or a replay relabels the payload), unless the definition
 * accepts that cost by name (`unsignedAllowsReplay`, `unsignedAllowsRelabeling`); a `bodyField`
 * needs a JSON body.
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
export function defineSender(definition: SenderDefinition): Sender {
  // Definitions often come from plain JavaScript or config files: refuse bad shapes with a
  // ConfigurationError here rather than a TypeError on the first request.
  if (definition === null || typeof definition !== 'object') {
    throw new ConfigurationError('invalid_option', 'defineSender needs a sender description object');
  }
  if (typeof definition.name !== 'string' || definition.name.length === 0) {
    throw new ConfigurationError('invalid_option', 'a sender needs a non-empty name');
  }
  const signature = definition.signature;
  if (signature === null || typeof signature !== 'object') {
    throw new ConfigurationError('invalid_option', 'signature must say which header carries the signature and how');
  }
  if (signature.encoding !== 'hex' && signature.encoding !== 'base64') {
    throw new ConfigurationError('invalid_option', 'signature.encoding must be "hex" or "base64"');
  }
  if (signature.prefix !== undefined && typeof signature.prefix !== 'string') {
    throw new ConfigurationError('invalid_option', 'signature.prefix must be a string');
  }
  if (signature.separator !== undefined && (typeof signature.separator !== 'string' || signature.separator === '')) {
    throw new ConfigurationError('invalid_option', 'signature.separator must be a non-empty string');
  }
  if (signature.separator !== undefined && signature.prefix?.includes(signature.separator)) {
    // Splitting on the separator would cut every entry through its prefix.
    throw new ConfigurationError('invalid_option', 'signature.prefix cannot contain signature.separator');
  }
  if (!SECRET_ENCODINGS.includes(definition.secretEncoding)) {
    throw new ConfigurationError('invalid_option', `secretEncoding must be one of ${SECRET_ENCODINGS.join(', ')}`);
  }
  if (typeof definition.signedContent !== 'string') {
    throw new ConfigurationError('invalid_option', 'signedContent must be a template string such as "{body}"');
  }
  const timestamp = definition.timestamp;
  const id = definition.id;
  const eventType = definition.eventType;
  if (timestamp !== undefined && (timestamp === null || !TIMESTAMP_FORMATS.includes(timestamp.format))) {
    throw new ConfigurationError('invalid_option', `timestamp.format must be one of ${TIMESTAMP_FORMATS.join(', ')}`);
  }
  if (timestamp && !('header' in timestamp) && !('bodyField' in timestamp)) {
    // Otherwise the replay window would silently never be checked.
    throw new ConfigurationError('invalid_option', 'timestamp needs a header or a bodyField');
  }
  if (id !== undefined && typeof id !== 'function' && (id === null || typeof id !== 'object')) {
    throw new ConfigurationError('invalid_option', 'id must be { header }, { bodyField }, { bodyDigest: "sha256" } or a function');
  }
  if (eventType !== undefined && (eventType === null || typeof eventType !== 'object' || (!('header' in eventType) && !('bodyField' in eventType)))) {
    throw new ConfigurationError('invalid_option', 'eventType must be { header } or { bodyField }');
  }
  for (const [option, spec] of [['timestamp', timestamp], ['id', id], ['eventType', eventType]] as const) {
    if (spec && typeof spec === 'object' && 'bodyField' in spec && (typeof spec.bodyField !== 'string' || spec.bodyField === '')) {
      throw new ConfigurationError('invalid_option', `${option}.bodyField must be a dot path such as "data.id"`);
    }
  }
  if (definition.body !== undefined) checkBodyKind(definition, definition.body);
  const signedParts = parseTemplate(definition.signedContent);
  const signed = (name: string) => signedParts.some((part) => part.kind === 'header' && part.name === name);
  let timestampSpec = timestamp;
  if (timestamp && 'header' in timestamp) {
    const name = checkHeaderName(timestamp.header, 'timestamp.header');
    // An unsigned timestamp header can be rewritten by whoever replays the delivery.
    if (!signed(name)) {
      throw new ConfigurationError(
        'invalid_option',
        `timestamp.header "${name}" must appear in signedContent, or a replayed delivery could simply change it`,
      );
    }
    timestampSpec = Object.freeze({ ...timestamp, header: name });
  }
  const idSpec =
    id && typeof id === 'object' && 'header' in id
      ? headerSource(id, 'id', 'unsignedAllowsReplay', signed, "a replay could change it and be processed again; use { bodyDigest: 'sha256' }")
      : id;
  const eventTypeSpec =
    eventType && 'header' in eventType
      ? headerSource(eventType, 'eventType', 'unsignedAllowsRelabeling', signed, 'a replay could relabel the payload')
      : eventType;
  const sender: Sender = {
    ...definition,
    signature: Object.freeze({ ...signature, header: checkHeaderName(signature.header, 'signature.header') }),
    signedParts: Object.freeze(signedParts),
    timestamp: timestampSpec,
    id: idSpec,
    eventType: eventTypeSpec,
  };
  return Object.freeze(sender);
}
