import type { Duration } from '../duration.js';
import { ConfigurationError } from '../errors.js';
import { jsonBody } from './bodies/json-body.js';
import { idFunction } from './ids/id-function.js';
import { MAX_ENTRIES } from './signatures/entry-limit.js';
import type {
  Algorithm,
  BodyBindingSource,
  BodyKind,
  IdContext,
  IdSource,
  LiteralPiece,
  SignatureSource,
  SignedPart,
  TimestampPart,
  ValueSource,
} from './types.js';

/**
 * An id read from a source that is not signed, accepted by name: whoever holds one captured
 * delivery can replay it under new ids, and dedupe processes each copy again.
 *
 * @example
 * ```ts
 * import { header, type UnsignedId } from 'hookverify';
 *
 * const id: UnsignedId = { source: header('x-github-delivery'), unsignedAllowsReplay: true };
 * ```
 */
export interface UnsignedId {
  readonly source: ValueSource;
  readonly unsignedAllowsReplay: true;
}

/**
 * An event type read from a source that is not signed, accepted by name: whoever holds one
 * captured delivery can resend its authentic payload labelled as another event.
 *
 * @example
 * ```ts
 * import { header, type UnsignedEventType } from 'hookverify';
 *
 * const eventType: UnsignedEventType = { source: header('x-github-event'), unsignedAllowsRelabeling: true };
 * ```
 */
export interface UnsignedEventType {
  readonly source: ValueSource;
  readonly unsignedAllowsRelabeling: true;
}

/**
 * A sender, as the parts it is made of: where its signatures are, what it signs, with which
 * algorithm and keys, where its timestamp, id and event type are, and what its body is.
 *
 * @example
 * ```ts
 * import { composeSender, signatureHeader, header, body, hmac, whsecSecret, unixSeconds, base64, type SenderParts } from 'hookverify';
 *
 * const parts: SenderParts = {
 *   name: 'standard-webhooks',
 *   signatures: signatureHeader({ header: 'webhook-signature', encoding: base64, prefix: 'v1,', separator: ' ', skipOtherVersions: true }),
 *   signed: [header('webhook-id'), '.', header('webhook-timestamp'), '.', body],
 *   algorithm: hmac('sha256', whsecSecret),
 *   timestamp: unixSeconds(header('webhook-timestamp')),
 *   id: header('webhook-id'),
 * };
 * const standardWebhooks = composeSender(parts);
 * ```
 */
export interface SenderParts<Signatures extends SignatureSource = SignatureSource> {
  /** Short name used in results and errors, e.g. `"peridio"`. */
  readonly name: string;
  /** Where the signatures are. */
  readonly signatures: Signatures;
  /** What is signed, in order; a string is literal text. */
  readonly signed: readonly (SignedPart | string)[];
  /** One algorithm: each key then costs one digest (or a bounded number of checks) per request. */
  readonly algorithm: Algorithm;
  /** Where the signing time is; it must be signed. Omit for senders that send none: they are replayable. */
  readonly timestamp?: TimestampPart;
  /** Where the dedupe id is: a signed source, {@link bodyDigest}, a function of the verified payload, or an {@link UnsignedId}. */
  readonly id?: IdSource | ((context: IdContext) => string | undefined) | UnsignedId;
  /** Where the event type is, when the sender names it outside the payload: a signed source or an {@link UnsignedEventType}. */
  readonly eventType?: ValueSource | UnsignedEventType;
  /** What the body is, and so what `payload` is. Default {@link jsonBody}. */
  readonly body?: BodyKind;
  /** How long the sender keeps retrying a delivery; dedupe retention defaults to more than this. */
  readonly retryHorizon?: Duration;
  /**
   * The replay window verifiers use unless told otherwise; 5 minutes when omitted. Only a sender
   * that re-sends the same signed timestamp on every retry needs more.
   */
  readonly tolerance?: Duration;
}

/**
 * A validated, frozen sender, ready to build verifiers and signers from: the parts as composed,
 * plus what the composer concluded about them.
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
 * console.log(peridio.replayProtection); // "timestamp"
 * ```
 */
export interface Sender<Signatures extends SignatureSource = SignatureSource> {
  readonly name: string;
  /** Where the signatures are; its `kind` says which of the three shapes. */
  readonly signature: Signatures;
  /** What is signed, in order, literals included. */
  readonly signedParts: readonly SignedPart[];
  readonly algorithm: Algorithm;
  readonly timestamp: TimestampPart | undefined;
  readonly id: IdSource | undefined;
  readonly eventType: ValueSource | undefined;
  /** True when the id source is not signed and the definition accepted that (`unsignedAllowsReplay`). */
  readonly unsignedIdAllowsReplay: boolean;
  /** True when the event-type source is not signed and the definition accepted that (`unsignedAllowsRelabeling`). */
  readonly unsignedEventTypeAllowsRelabeling: boolean;
  readonly body: BodyKind;
  /**
   * `"timestamp"` when a signed timestamp bounds replays to the window; `"none"` when nothing
   * does (GitHub, Shopify): a captured delivery verifies for ever, so receive such a sender with
   * dedupe on a digest of what is signed.
   */
  readonly replayProtection: 'timestamp' | 'none';
  /**
   * `"body"` when the signature covers every byte of the body; `"body-fields"` when it covers only
   * the body fields among {@link Sender.signedParts} (Mailgun), and the rest of the payload is
   * whatever the request carried, or only the decoded fields and not their encoding (Twilio's
   * sorted form parameters).
   */
  readonly authenticated: 'body' | 'body-fields';
  /** True when the body is parsed before the signature is checked, to read the body fields it signs. */
  readonly readsBodyFirst: boolean;
  readonly retryHorizon: Duration | undefined;
  readonly tolerance: Duration | undefined;
}

function refuse(message: string): never {
  throw new ConfigurationError('invalid_option', message);
}

function isSource(value: unknown): value is ValueSource {
  return typeof (value as ValueSource | null)?.bind === 'function' && typeof (value as ValueSource).key === 'string';
}

function literal(text: string): LiteralPiece {
  return Object.freeze({ kind: 'literal', key: 'literal', label: JSON.stringify(text), text });
}

/**
 * Composes a sender from its parts, once, and checks the rules no definition may break:
 *
 * - a timestamp must be signed (a field of a signed body is), or a replay rewrites it;
 * - so must an id and an event type, unless the definition accepts the cost by name
 *   (`{ source, unsignedAllowsReplay: true }`, `{ source, unsignedAllowsRelabeling: true }`):
 *   a sender without a signed id dedupes on {@link bodyDigest};
 * - the signature never signs itself, and parameters come from the signature header;
 * - one algorithm, so each key costs one digest per request, and at most 16 signatures;
 * - the body is signed whole, or (the only reason to parse it before verifying) named fields of it
 *   are, and a body field needs a body kind with fields.
 *
 * A definition that breaks one is refused with a {@link ConfigurationError} that says why.
 *
 * @example
 * ```ts
 * import { composeSender, signatureHeader, header, body, hmac, utf8Secret, bodyDigest, hex } from 'hookverify';
 *
 * // GitHub signs only its body and sends no timestamp: replayable, so dedupe on the body's digest.
 * const github = composeSender({
 *   name: 'github',
 *   signatures: signatureHeader({ header: 'x-hub-signature-256', prefix: 'sha256=', encoding: hex }),
 *   signed: [body],
 *   algorithm: hmac('sha256', utf8Secret),
 *   id: bodyDigest,
 *   eventType: { source: header('x-github-event'), unsignedAllowsRelabeling: true },
 * });
 * console.log(github.replayProtection); // "none"
 * ```
 */
export function composeSender<Signatures extends SignatureSource>(parts: SenderParts<Signatures>): Sender<Signatures> {
  if (parts === null || typeof parts !== 'object') refuse('composeSender needs the parts of a sender');
  const { name, signatures, algorithm } = parts;
  if (typeof name !== 'string' || name === '') refuse('a sender needs a non-empty name');
  if (typeof signatures?.bind !== 'function') refuse('signatures must say where the signatures are: signatureHeader(...), headerParameters(...) or signatureField(...)');
  if (typeof algorithm?.matches !== 'function') refuse('algorithm must be one algorithm, such as hmac("sha256", utf8Secret)');
  if (!(Number.isInteger(algorithm.maxSignatures) && algorithm.maxSignatures > 0 && algorithm.maxSignatures <= MAX_ENTRIES)) {
    refuse(`algorithm.maxSignatures must be a whole number from 1 to ${MAX_ENTRIES}`);
  }
  const body = parts.body ?? jsonBody;
  if (typeof body?.read !== 'function') refuse('body must be jsonBody, formBody, textBody or bytesBody');
  if (!Array.isArray(parts.signed) || parts.signed.length === 0) refuse('signed must list what is signed, e.g. [header("x-timestamp"), ".", body]');

  const signed = parts.signed.map((piece) => (typeof piece === 'string' ? literal(piece) : piece));
  const sources: ValueSource[] = [];
  // What carries the signatures cannot be signed: the whole header, or the parameter or field.
  const carriers = [signatures.key, `header:${(signatures as { header?: string }).header}`];
  let bodies = 0;
  let binding: BodyBindingSource | undefined;
  for (const piece of signed) {
    if (piece?.kind === 'body') bodies++;
    else if (piece?.kind === 'body-binding' && typeof piece.bind === 'function') {
      if (binding !== undefined) refuse('signed may contain one piece derived from the body');
      binding = piece;
    } else if (isSource(piece)) sources.push(piece);
    else if (piece?.kind !== 'literal') refuse('signed may hold only body, sources such as header(...), and strings');
    if (carriers.includes(piece.key)) refuse(`${signatures.label} carries the signatures, so it cannot be signed itself`);
  }
  if (bodies > 1) refuse('signed may contain body only once');
  const fieldsSigned = sources.some((source) => source.kind === 'body-field');
  // A piece derived from the body stands for the body: signing both, or either beside signed
  // fields of the same body, would say two things about what is authenticated.
  if (binding !== undefined && (bodies === 1 || fieldsSigned)) refuse(`${binding.label} stands for the body, so signed cannot also contain the body or its fields`);
  const bodyCovered = bodies === 1 || binding !== undefined;
  if (bodyCovered && signatures.readsBody) refuse(`the signatures are in the body, so signed cannot contain the whole body`);
  if (!bodyCovered && !fieldsSigned) refuse('signed must contain body, or the body fields the sender signs');
  const signedKeys = new Set(signed.map((piece) => piece.key));
  const isSigned = (source: ValueSource) => signedKeys.has(source.key) || (bodyCovered && source.kind === 'body-field');

  const timestamp = parts.timestamp;
  if (timestamp !== undefined) {
    if (!isSource(timestamp?.source) || typeof timestamp.parse !== 'function') refuse('timestamp must be rfc3339(...), unixSeconds(...) or unixMillis(...)');
    // An unsigned time can be rewritten by whoever replays the delivery.
    if (!isSigned(timestamp.source)) refuse(`timestamp: ${timestamp.source.label} must be signed, or a replayed delivery could simply change it`);
    sources.push(timestamp.source);
  }

  let id: IdSource | undefined;
  let unsignedId = false;
  const idPart = parts.id;
  if (typeof idPart === 'function') id = idFunction(idPart);
  else if (idPart !== undefined) {
    if (idPart !== null && 'unsignedAllowsReplay' in idPart) {
      if (idPart.unsignedAllowsReplay !== true) refuse('unsignedAllowsReplay must be true or left out');
      id = idPart.source;
      unsignedId = true;
    } else id = idPart;
    if (isSource(id)) {
      sources.push(id);
      if (!unsignedId && !isSigned(id)) {
        refuse(
          `id: ${id.label} is not signed, so whoever holds one captured delivery can replay it under new ids, each ` +
            'processed again: dedupe on bodyDigest instead, or say { source, unsignedAllowsReplay: true } to accept that',
        );
      }
    } else if (typeof (id as { compute?: unknown } | null)?.compute !== 'function') refuse('id must be a source, bodyDigest, a function or { source, unsignedAllowsReplay: true }');
  }

  let eventType: ValueSource | undefined;
  let unsignedType = false;
  const typePart = parts.eventType;
  if (typePart !== undefined) {
    if (typePart !== null && 'unsignedAllowsRelabeling' in typePart) {
      if (typePart.unsignedAllowsRelabeling !== true) refuse('unsignedAllowsRelabeling must be true or left out');
      eventType = typePart.source;
      unsignedType = true;
    } else eventType = typePart as ValueSource;
    if (!isSource(eventType)) refuse('eventType must be a source such as header(...) or bodyField(...)');
    sources.push(eventType);
    if (!unsignedType && !isSigned(eventType)) {
      refuse(
        `eventType: ${eventType.label} is not signed, so whoever holds one captured delivery can resend its payload ` +
          'labelled as another event: say { source, unsignedAllowsRelabeling: true } to accept that',
      );
    }
  }

  for (const source of sources) {
    if (source.kind === 'parameter' && source.of !== signatures) refuse(`${source.label} is read from a header that is not the sender's signature source`);
    if (source.kind === 'body-field' && !body.hasFields) refuse(`${source.label} needs a JSON or form body, and this sender's body is "${body.name}"`);
  }

  return Object.freeze({
    name,
    signature: signatures,
    signedParts: Object.freeze(signed),
    algorithm,
    timestamp,
    id,
    eventType,
    unsignedIdAllowsReplay: unsignedId,
    unsignedEventTypeAllowsRelabeling: unsignedType,
    body,
    replayProtection: timestamp === undefined ? 'none' : 'timestamp',
    authenticated: bodies === 1 || binding?.binds === 'body' ? 'body' : 'body-fields',
    readsBodyFirst: signatures.readsBody || fieldsSigned || binding?.parsesBody === true,
    retryHorizon: parts.retryHorizon,
    tolerance: parts.tolerance,
  });
}
