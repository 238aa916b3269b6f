import type { Duration } from '../duration.js';
import { assembleSender, signedPartsOf } from './assemble-sender.js';
import { check } from './check.js';
import { checkBodyFields } from './check-body-fields.js';
import { jsonBody } from './bodies/json-body.js';
import { MAX_ENTRIES } from './signatures/entry-limit.js';
import type {
  Algorithm,
  BodyBindingSource,
  BodyFieldSource,
  BodyKind,
  BoundSource,
  ComputedId,
  IdSource,
  SignatureSource,
  SignedPart,
  SourceBase,
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
  /** Where the dedupe id is: a signed source, {@link bodyDigest}, {@link idFrom}(a function of the verified payload), or an {@link UnsignedId}. */
  readonly id?: IdSource | UnsignedId;
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

// Both vocabularies: parts list `signed`, plain descriptions write `signedContent`.
const UNSIGNED = 'is not in the signed content (signed, or signedContent)';
const STANDS_FOR_BODY = 'signed may hold one piece derived from the body, and then neither the body nor its fields';

// Objects only: a plain function has a `bind` of its own.
const part = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object';
const bound = (value: unknown): value is BoundSource => part(value) && typeof value.bind === 'function';
const isSource = (value: unknown): value is ValueSource =>
  part(value) && typeof value.key === 'string' && (bound(value) || typeof (value as unknown as BodyFieldSource).read === 'function');

/** A source that must be signed, or that the definition accepts unsigned with `flag: true`. */
function trusted(
  what: string,
  value: unknown,
  flag: 'unsignedAllowsReplay' | 'unsignedAllowsRelabeling',
  signed: (source: ValueSource) => boolean,
  cost: string,
): ValueSource {
  let source = value;
  let unsigned = false;
  if (value !== null && typeof value === 'object' && flag in value) {
    check((value as Record<string, unknown>)[flag] === true, `${flag} must be true or left out`);
    source = (value as { source: unknown }).source;
    unsigned = true;
  }
  check(isSource(source), `${what} must be a source such as header(...) or bodyField(...)${flag === 'unsignedAllowsReplay' ? ', bodyDigest, idFrom(...)' : ''} or { source, ${flag}: true }`);
  check(unsigned || signed(source), `${what}: ${source.label} ${UNSIGNED}, so whoever holds one captured delivery can ${cost}: say { source, ${flag}: true } to accept that`);
  return source;
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
 * - the body is signed whole, or (the only reason to parse it before verifying) named fields of
 *   it are, as {@link signedField}s; a body field needs a body kind with fields.
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
  check(parts !== null && typeof parts === 'object', 'composeSender needs the parts of a sender');
  const { name, signatures, algorithm, timestamp } = parts;
  const body = parts.body ?? jsonBody;
  check(typeof name === 'string' && name !== '', 'a sender needs a non-empty name');
  check(part(signatures) && typeof signatures.bind === 'function', 'signatures must be signatureHeader(...), headerParameters(...) or signatureField(...)');
  check(part(algorithm) && typeof algorithm.bind === 'function', 'algorithm must be one algorithm, such as hmac("sha256", utf8Secret)');
  const limit = algorithm.maxSignatures;
  check(Number.isInteger(limit) && limit > 0 && limit <= MAX_ENTRIES, `algorithm.maxSignatures must be a whole number from 1 to ${MAX_ENTRIES}`);
  check(typeof body?.read === 'function', 'body must be jsonBody, formBody, textBody or bytesBody');
  check(Array.isArray(parts.signed) && parts.signed.length > 0, 'signed must list what is signed, e.g. [header("x-timestamp"), ".", body]');

  const signed: SignedPart[] = signedPartsOf(parts.signed);
  // What carries the signatures cannot be signed: the whole header, or the parameter or field.
  const carriers = [signatures.key, `header:${(signatures as { header?: string }).header}`];
  const keys = new Set<string>();
  const sources: ValueSource[] = [];
  let bodies = 0;
  let binding: BodyBindingSource | undefined;
  for (const piece of signed) {
    if (piece?.kind === 'body') bodies++;
    else if (piece?.kind === 'body-binding' && bound(piece)) {
      check(binding === undefined, STANDS_FOR_BODY);
      binding = piece;
    } else if (piece?.kind !== 'literal') {
      check(bound(piece), `signed: ${(piece as SourceBase | null)?.label ?? 'each piece'} is read from the verified payload; a field signed on its own is a signedField(...)`);
      sources.push(piece);
    }
    check(!carriers.includes(piece.key), `${signatures.label} carries the signatures, so it cannot be signed itself`);
    keys.add(piece.key);
  }
  const fieldsSigned = sources.some((source) => source.kind === 'body-field');
  // A piece derived from the body stands for the body: signing both, or either beside signed
  // fields of the same body, would say two things about what is authenticated.
  check(binding === undefined || (bodies === 0 && !fieldsSigned), STANDS_FOR_BODY);
  const bodyCovered = bodies === 1 || binding !== undefined;
  check(bodies <= 1 && (bodyCovered || fieldsSigned), 'signed must contain body once, or the signedFields the sender signs');
  check(!(bodyCovered && signatures.readsBody), 'the signatures are in the body, so signed cannot contain the whole body');
  const signedSource = (source: ValueSource) => keys.has(source.key) || (bodyCovered && source.kind === 'body-field');

  if (timestamp !== undefined) {
    check(isSource(timestamp?.source) && typeof timestamp.parse === 'function', 'timestamp must be rfc3339(...), unixSeconds(...) or unixMillis(...)');
    // An unsigned time can be rewritten by whoever replays the delivery.
    check(signedSource(timestamp.source), `timestamp: ${timestamp.source.label} ${UNSIGNED}, so a replayed delivery could simply change it`);
    sources.push(timestamp.source);
  }
  // A computed id is a function of the verified payload: nothing to sign.
  if (parts.id !== undefined && typeof (parts.id as ComputedId | null)?.compute !== 'function') {
    sources.push(trusted('id', parts.id, 'unsignedAllowsReplay', signedSource, 'replay it under new ids, each processed again: dedupe on bodyDigest instead, or'));
  }
  if (parts.eventType !== undefined) {
    sources.push(trusted('eventType', parts.eventType, 'unsignedAllowsRelabeling', signedSource, 'resend its payload labelled as another event'));
  }
  for (const source of sources) check(source.kind !== 'parameter' || source.of === signatures, `${source.label} is not read by the sender's signature source`);
  checkBodyFields(sources, body);
  return assembleSender(parts);
}
