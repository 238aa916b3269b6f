// The vocabulary every part of a scheme shares. A part is plain, frozen data (what a reader, the
// test signer and the CLI look at) plus the one or two functions the verifier calls (`bind`,
// `read`, `matches`...), so that a sender's entry carries the code of its own parts only.
import type { CryptoBackend } from '../../crypto/backend.js';
import type { BodyData } from '../body.js';
import type { VerificationErrorCode } from '../errors.js';
import type { HeadersInput } from '../headers.js';
import type { HeaderParametersSource } from './signatures/header-parameters.js';
import type { SignatureFieldSource } from './signatures/signature-field.js';
import type { SignatureHeaderSource } from './signatures/signature-header.js';

/**
 * A refused delivery, as a value: what `safeVerify` returns instead of throwing.
 *
 * @example
 * ```ts
 * import type { VerificationFailure } from 'hookverify';
 *
 * const outcome = await verifier.safeVerify({ body, headers });
 * if (!outcome.ok) {
 *   const failure: VerificationFailure = outcome;
 *   console.warn(failure.code, failure.message);
 * }
 * ```
 */
export interface VerificationFailure {
  readonly ok: false;
  readonly code: VerificationErrorCode;
  readonly message: string;
}

/**
 * One request while it is verified: the input, and the value of every source the sender reads,
 * by slot (headers first, then values that parts derive).
 *
 * @example
 * ```ts
 * import type { RequestState } from 'hookverify';
 *
 * // What a part's step sees: here, the first slot the part was given.
 * const firstValue = (state: RequestState, slot: number) => state.values[slot];
 * ```
 */
export interface RequestState {
  readonly body: BodyData;
  readonly headers: HeadersInput;
  /** The URL the request was sent to, when the sender signs it. */
  readonly url: string | undefined;
  /** The request method, when the sender signs it. */
  readonly method: string | undefined;
  readonly values: (string | undefined)[];
  /** The body, parsed before verification: only for senders that sign body fields. */
  parsed: unknown;
}

/**
 * Work a part does on every request, after the headers are read and before the signature is
 * checked: it fills its slots, or refuses the delivery.
 *
 * @example
 * ```ts
 * import type { Step } from 'hookverify';
 *
 * const copyMethod: Step = (state) => {
 *   state.values[3] = state.method;
 *   return undefined;
 * };
 * ```
 */
export type Step = (state: RequestState) => VerificationFailure | undefined;

/**
 * What a part may ask for while a verifier is built, once per verifier.
 *
 * @example
 * ```ts
 * import type { Binder } from 'hookverify';
 *
 * // A source that reads one header binds to that header's slot.
 * const bindTimestamp = (binder: Binder) => binder.header('x-timestamp');
 * ```
 */
export interface Binder {
  /** The sender's name, for messages. */
  readonly sender: string;
  /**
   * The slot of a header, read once per request before anything else. The first part to bind a
   * header may say how its absence and an unusable value are reported.
   */
  header(name: string, missing?: VerificationFailure, malformed?: VerificationFailure): number;
  /** A new slot, for a value a step of the part derives. */
  slot(): number;
  /** Adds a step, run on every request in the order added. */
  step(run: Step): void;
  /** `make()`, once per verifier and key: for parts that share set-up work. */
  once<T>(key: object, make: () => T): T;
  /** A refusal, built once. */
  fail(code: VerificationErrorCode, message: string): VerificationFailure;
  /** The sender's body kind, for a part that must read the body before the signature is checked. */
  readonly bodyKind: BodyKind;
  /**
   * Adds a check run once a signature holds, with the verifier's crypto backend, in the order
   * added; it may refuse the delivery still.
   */
  afterSignature(check: SignedCheck): void;
}

/**
 * Work a part does once the signature holds, when it needs the crypto backend, which may be
 * asynchronous: Twilio signs the URL that carries the body's SHA-256, so the body is bound only
 * once that digest is compared with the body received.
 *
 * @example
 * ```ts
 * import type { SignedCheck } from 'hookverify';
 *
 * const refuseEmpty: SignedCheck = (state) =>
 *   state.body.length === 0 ? { ok: false, code: 'invalid_body', message: 'the body is empty' } : undefined;
 * ```
 */
export type SignedCheck = (
  state: RequestState,
  backend: CryptoBackend,
) => VerificationFailure | undefined | Promise<VerificationFailure | undefined>;

/**
 * What every value source has: where a value comes from, for messages and for the composer's
 * rules, and how the verifier finds it.
 *
 * @example
 * ```ts
 * import { header, type SourceBase } from 'hookverify';
 *
 * const source: SourceBase = header('webhook-id');
 * console.log(source.key, source.label); // "header:webhook-id", "the webhook-id header"
 * ```
 */
export interface SourceBase {
  /** Identity: two sources with one key read the same value. */
  readonly key: string;
  /** Words for messages: `the webhook-id header`. */
  readonly label: string;
}

/**
 * A source read before the signature is checked: it binds to a slot that every request fills.
 *
 * @example
 * ```ts
 * import { header, type BoundSource } from 'hookverify';
 *
 * const source: BoundSource = header('webhook-timestamp');
 * ```
 */
export interface BoundSource extends SourceBase {
  /** The slot where each request's value will be. */
  bind(binder: Binder): number;
}

/**
 * A header's value.
 *
 * @example
 * ```ts
 * import { header, type HeaderSource } from 'hookverify';
 *
 * const id: HeaderSource = header('Webhook-Id');
 * console.log(id.name); // "webhook-id"
 * ```
 */
export interface HeaderSource extends BoundSource {
  readonly kind: 'header';
  /** Lower-case. */
  readonly name: string;
}

/**
 * One named parameter of a structured signature header, such as Stripe's `t`.
 *
 * @example
 * ```ts
 * import { headerParameters, hex, type ParameterSource } from 'hookverify';
 *
 * const stripeSignature = headerParameters({ header: 'stripe-signature', signature: 'v1', encoding: hex });
 * const t: ParameterSource = stripeSignature.parameter('t');
 * ```
 */
export interface ParameterSource extends BoundSource {
  readonly kind: 'parameter';
  /** The header the parameter is in. */
  readonly header: string;
  readonly name: string;
  /** The signature source that reads this header's parameters. */
  readonly of: SignatureSourceBase;
}

/**
 * A field of the body, by dot path, read from the verified payload.
 *
 * @example
 * ```ts
 * import { bodyField, type BodyFieldSource } from 'hookverify';
 *
 * const id: BodyFieldSource = bodyField('event.id');
 * console.log(id.path); // "event.id"
 * ```
 */
export interface BodyFieldSource extends SourceBase {
  readonly kind: 'body-field';
  readonly path: string;
  /** The path, split. */
  readonly keys: readonly string[];
  /** The field's value in a parsed body (own properties only), or undefined. */
  read(parsed: unknown): unknown;
}

/**
 * A field of the body that is signed itself while the body is not (Mailgun): read from a
 * bounded parse before the signature is checked.
 *
 * @example
 * ```ts
 * import { signedField, type SignedFieldSource } from 'hookverify';
 *
 * const token: SignedFieldSource = signedField('signature.token');
 * ```
 */
export interface SignedFieldSource extends BoundSource {
  readonly kind: 'body-field';
  readonly path: string;
  readonly keys: readonly string[];
  read(parsed: unknown): unknown;
}

/**
 * The request URL or method, for senders that sign them (Square, Twilio).
 *
 * @example
 * ```ts
 * import { requestUrl, type RequestSource } from 'hookverify';
 *
 * const url: RequestSource = requestUrl;
 * ```
 */
export interface RequestSource extends BoundSource {
  readonly kind: 'url' | 'method';
}

/**
 * Where a value comes from: a header, a parameter of a structured header, a field of the body,
 * the request URL or method. The same source can be signed, and be a timestamp, id or event type.
 *
 * @example
 * ```ts
 * import { header, type ValueSource } from 'hookverify';
 *
 * const source: ValueSource = header('webhook-id');
 * if (source.kind === 'header') console.log(source.name);
 * ```
 */
export type ValueSource = HeaderSource | ParameterSource | BodyFieldSource | SignedFieldSource | RequestSource;

/**
 * Literal text in the signed content, such as the `"."` between Standard Webhooks' id and
 * timestamp. In a definition a plain string is a literal.
 *
 * @example
 * ```ts
 * import type { LiteralPiece } from 'hookverify';
 *
 * const dot: LiteralPiece = { kind: 'literal', key: 'literal', label: '"."', text: '.' };
 * ```
 */
export interface LiteralPiece {
  readonly kind: 'literal';
  readonly key: 'literal';
  readonly label: string;
  readonly text: string;
}

/**
 * The raw body, as one piece of the signed content.
 *
 * @example
 * ```ts
 * import { body, type BodyPiece } from 'hookverify';
 *
 * const piece: BodyPiece = body;
 * ```
 */
export interface BodyPiece {
  readonly kind: 'body';
  readonly key: 'body';
  readonly label: 'the body';
}

/**
 * What the test signer needs to sign a {@link BodyBindingSource}.
 *
 * @example
 * ```ts
 * import { jsonBody, nodeCryptoBackend, type BodyBindingInput } from 'hookverify';
 *
 * const input: BodyBindingInput = { body: '{"a":1}', url: 'https://example.com/hook', bodyKind: jsonBody, backend: nodeCryptoBackend()! };
 * ```
 */
export interface BodyBindingInput {
  /** The body as it will be sent. */
  readonly body: string | Uint8Array;
  /** The URL the delivery is posted to, when the caller gave one. */
  readonly url: string | undefined;
  readonly bodyKind: BodyKind;
  readonly backend: CryptoBackend;
}

/**
 * A signed piece a sender derives from the whole body, so that signing it binds the body although
 * the raw bytes are not signed as such: Twilio's form parameters sorted by name
 * ({@link sortedFormParameters}), or its URL carrying the body's SHA-256 ({@link urlWithBodyDigest}).
 *
 * @example
 * ```ts
 * import { sortedFormParameters, type BodyBindingSource } from 'hookverify';
 *
 * const piece: BodyBindingSource = sortedFormParameters;
 * console.log(piece.binds, piece.parsesBody); // "body-fields", true
 * ```
 */
export interface BodyBindingSource extends BoundSource {
  readonly kind: 'body-binding';
  /**
   * `"body"` when every byte of the body is bound (a digest of it is signed); `"body-fields"`
   * when the decoded fields are, but not how they are encoded or ordered.
   */
  readonly binds: 'body' | 'body-fields';
  /** True when the body is parsed, by the sender's body kind, before the signature is checked. */
  readonly parsesBody: boolean;
  /** What the sender signs for this body, and the URL it then posts to when that changes: for the test signer. */
  signedValue(input: BodyBindingInput): Promise<{ readonly value: string; readonly url?: string }>;
}

/**
 * One piece of the signed content, in order.
 *
 * @example
 * ```ts
 * import { peridio } from 'hookverify/peridio';
 *
 * // the peridio-published-at header, then the body
 * console.log(peridio.signedParts.map((piece) => piece.label));
 * ```
 */
export type SignedPart = HeaderSource | ParameterSource | SignedFieldSource | RequestSource | LiteralPiece | BodyPiece | BodyBindingSource;

/**
 * Decodes one signature entry to bytes: into a buffer the verifier reuses, or undefined when the
 * text is not a signature of the algorithm's length in the source's encoding.
 *
 * @example
 * ```ts
 * import type { CandidateDecoder } from 'hookverify';
 *
 * const decodeFirst = (decode: CandidateDecoder, text: string) => decode(text, 0);
 * ```
 */
export type CandidateDecoder = (text: string, index: number) => Uint8Array | undefined;

/**
 * How a text of signature bytes is written: hex or base64.
 *
 * @example
 * ```ts
 * import { hex, type SignatureEncoding } from 'hookverify';
 *
 * const encoding: SignatureEncoding = hex;
 * console.log(encoding.name); // "hex"
 * ```
 */
export interface SignatureEncoding {
  readonly name: 'hex' | 'base64';
  /** Fills `target` exactly, or answers false. */
  decodeInto(text: string, target: Uint8Array): boolean;
  /** The bytes, or undefined; for signatures whose length varies (ECDSA in DER). */
  decode(text: string): Uint8Array | undefined;
}

/**
 * What every signature source has: where the signatures are, in words and as a key, and how
 * the verifier finds them.
 *
 * @example
 * ```ts
 * import { peridio } from 'hookverify/peridio';
 * import type { SignatureSourceBase } from 'hookverify';
 *
 * const source: SignatureSourceBase = peridio.signature;
 * console.log(source.label); // "the peridio-signature header"
 * ```
 */
export interface SignatureSourceBase {
  readonly kind: 'header' | 'header-parameters' | 'body-field';
  /** The key of the source the signatures are read from: never itself signed. */
  readonly key: string;
  readonly label: string;
  readonly encoding: SignatureEncoding;
  /** A body-field source makes the verifier read the body before the signature is checked. */
  readonly readsBody: boolean;
  /** How to find each request's signatures, as bytes; at most `limit` of them. */
  bind(binder: Binder, decode: CandidateDecoder, limit: number): (state: RequestState) => Uint8Array[] | VerificationFailure;
}

/**
 * How a configured secret or public key string becomes key bytes.
 *
 * @example
 * ```ts
 * import { hexSecret, type KeyForm } from 'hookverify';
 *
 * const form: KeyForm = hexSecret;
 * console.log(form.encoding, form.expected); // "hex", "at least 32 hex characters ..."
 * ```
 */
export interface KeyForm {
  /** Short name: `utf8`, `hex`, `base64`, `whsec`, `whpk`, `spki`. */
  readonly encoding: string;
  /** What a valid key looks like, for messages that never show the key itself. */
  readonly expected: string;
  /** True for public keys (shared openly); false for shared secrets. */
  readonly public: boolean;
  decode(text: string): Uint8Array | undefined;
}

/**
 * The signature algorithm and the form of its keys.
 *
 * @example
 * ```ts
 * import { standardWebhooks } from 'hookverify/standard-webhooks';
 *
 * console.log(standardWebhooks.algorithm.label); // "HMAC-SHA256"
 * ```
 */
export interface Algorithm {
  readonly kind: 'hmac' | 'ed25519' | 'ecdsa-p256';
  readonly label: string;
  readonly key: KeyForm;
  /** The byte length of every signature, or undefined when it varies (DER). */
  readonly signatureLength: number | undefined;
  /** The most signatures worth checking per key and request. */
  readonly maxSignatures: number;
  /** The algorithm on a backend, once per verifier, or why the backend cannot run it. */
  bind(backend: CryptoBackend): BoundAlgorithm | string;
}

/**
 * An algorithm bound to a crypto backend: what a verifier calls for each key.
 *
 * @example
 * ```ts
 * import { hmac, utf8Secret, nodeCryptoBackend, type BoundAlgorithm } from 'hookverify';
 *
 * const bound = hmac('sha256', utf8Secret).bind(nodeCryptoBackend()!) as BoundAlgorithm;
 * const key = bound.importKey(new TextEncoder().encode('secret'));
 * ```
 */
export interface BoundAlgorithm {
  importKey(raw: Uint8Array): unknown;
  /**
   * Whether a candidate is a valid signature of the content under the key. Asynchronous only
   * on an asynchronous backend; the candidates are then copied before anything waits.
   */
  matches(key: unknown, content: readonly (string | Uint8Array)[], candidates: readonly Uint8Array[]): boolean | Promise<boolean>;
}

/**
 * Where and how a sender writes the time it signed a delivery.
 *
 * @example
 * ```ts
 * import { header, unixSeconds, type TimestampPart } from 'hookverify';
 *
 * const timestamp: TimestampPart = unixSeconds(header('webhook-timestamp'));
 * ```
 */
export interface TimestampPart {
  readonly source: ValueSource;
  readonly format: 'rfc3339' | 'unix-seconds' | 'unix-millis';
  /** Milliseconds since the epoch, or undefined when the value is not a timestamp of the format. */
  parse(value: unknown): number | undefined;
}

/**
 * A dedupe id computed rather than read: a digest of the body, or a function of the payload.
 *
 * @example
 * ```ts
 * import { bodyDigest, type ComputedId } from 'hookverify';
 *
 * const id: ComputedId = bodyDigest;
 * ```
 */
export interface ComputedId {
  readonly kind: 'body-digest' | 'function';
  readonly label: string;
  compute(context: IdContext, backend: CryptoBackend): string | undefined | Promise<string | undefined>;
}

/**
 * What a custom id function sees: the verified payload and the request headers. Only the
 * headers that are signed are authentic.
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
  /** The raw body. */
  readonly body: BodyData;
}

/**
 * Where a delivery's dedupe id comes from: a signed source, or a computed id.
 *
 * @example
 * ```ts
 * import { bodyField, header, bodyDigest, type IdSource } from 'hookverify';
 *
 * const ids: IdSource[] = [header('webhook-id'), bodyField('event.id'), bodyDigest];
 * ```
 */
export type IdSource = ValueSource | ComputedId;

/**
 * What the body is, and so what a verified delivery's `payload` is.
 *
 * @example
 * ```ts
 * import { jsonBody, type BodyKind } from 'hookverify';
 *
 * const kind: BodyKind = jsonBody;
 * console.log(kind.name); // "json"
 * ```
 */
export interface BodyKind {
  readonly name: 'json' | 'form' | 'text' | 'bytes';
  /** What a body of this kind is called in messages: `valid UTF-8 JSON`. */
  readonly noun: string;
  /** Whether `bodyField` sources can read fields of it. */
  readonly hasFields: boolean;
  /** The payload, or {@link NOT_OF_KIND}. Never throws. */
  read(body: BodyData): unknown;
}

/**
 * What a body reader answers when the bytes are not of its kind.
 *
 * @example
 * ```ts
 * import { jsonBody, NOT_OF_KIND } from 'hookverify';
 *
 * console.log(jsonBody.read('not json') === NOT_OF_KIND); // true
 * ```
 */
// A registered symbol: two copies of hookverify in one process (its ESM and CJS builds) agree on it.
export const NOT_OF_KIND: unique symbol = Symbol.for('hookverify.notOfKind') as never;

/**
 * Where the signatures of a delivery are: a whole header ({@link signatureHeader}), parameters
 * of a structured header ({@link headerParameters}), or a field of the body ({@link signatureField}).
 *
 * @example
 * ```ts
 * import { peridio } from 'hookverify/peridio';
 *
 * const source = peridio.signature;
 * if (source.kind === 'header') console.log(source.header, source.separator); // "peridio-signature", ","
 * ```
 */
export type SignatureSource = SignatureHeaderSource | HeaderParametersSource | SignatureFieldSource;
