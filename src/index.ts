/**
 * `hookverify`: the runtime-neutral verification core, and the parts any sender is composed of.
 *
 * @module
 */
export type { BodyData, RawBody } from './core/body.js';
export { DEFAULT_MAX_BODY_BYTES } from './core/body.js';
export type { Duration } from './core/duration.js';
export {
  ConfigurationError,
  DedupeError,
  EventValidationError,
  HookverifyError,
  JobError,
  PrnError,
  WebhookVerificationError,
  type ConfigurationErrorCode,
  type DedupeErrorCode,
  type EventErrorCode,
  type HookverifyErrorCode,
  type JobErrorCode,
  type PrnErrorCode,
  type VerificationErrorCode,
} from './core/errors.js';
export type { HeadersGetter, HeadersInput } from './core/headers.js';
export type { MatchedSecret, SecretEncoding, SecretInput } from './core/secrets.js';
export {
  defineSender,
  type EditedSender,
  type EventTypeSpec,
  type IdSpec,
  type SenderDefinition,
  type SignatureHeaderSpec,
  type TimestampSpec,
} from './core/sender.js';
export { composeSender, type Sender, type SenderParts, type UnsignedEventType, type UnsignedId } from './core/scheme/compose-sender.js';
export type { BodyKindName } from './core/verify/body-kind-for.js';
export {
  NOT_OF_KIND,
  type Algorithm,
  type Binder,
  type BodyBindingInput,
  type BodyBindingSource,
  type BodyFieldSource,
  type BodyKind,
  type BodyPiece,
  type BoundAlgorithm,
  type BoundSource,
  type CandidateDecoder,
  type ComputedId,
  type HeaderSource,
  type IdContext,
  type IdSource,
  type KeyForm,
  type LiteralPiece,
  type ParameterSource,
  type RequestSource,
  type RequestState,
  type SignatureEncoding,
  type SignatureSource,
  type SignatureSourceBase,
  type SignedCheck,
  type SignedFieldSource,
  type SignedPart,
  type SourceBase,
  type Step,
  type TimestampPart,
  type ValueSource,
} from './core/scheme/types.js';
export { header } from './core/scheme/sources/header.js';
export { body } from './core/scheme/sources/body.js';
export { bodyField } from './core/scheme/sources/body-field.js';
export { signedField } from './core/scheme/sources/signed-field.js';
export { requestUrl } from './core/scheme/sources/request-url.js';
export { requestMethod } from './core/scheme/sources/request-method.js';
export { formParameterText, sortedFormParameters } from './core/scheme/bindings/sorted-form-parameters.js';
export { urlWithBodyDigest } from './core/scheme/bindings/url-with-body-digest.js';
export { signatureHeader, type SignatureHeaderOptions, type SignatureHeaderSource } from './core/scheme/signatures/signature-header.js';
export { headerParameters, type HeaderParametersOptions, type HeaderParametersSource } from './core/scheme/signatures/header-parameters.js';
export { signatureField, type SignatureFieldSource } from './core/scheme/signatures/signature-field.js';
export { hex } from './core/scheme/encodings/hex.js';
export { base64 } from './core/scheme/encodings/base64.js';
export { derBase64 } from './core/scheme/encodings/der-base64.js';
export { utf8Secret } from './core/scheme/keys/utf8-secret.js';
export { hexSecret } from './core/scheme/keys/hex-secret.js';
export { base64Secret } from './core/scheme/keys/base64-secret.js';
export { whsecSecret } from './core/scheme/keys/whsec-secret.js';
export { whpkPublicKey } from './core/scheme/keys/whpk-public-key.js';
export { hexPublicKey } from './core/scheme/keys/hex-public-key.js';
export { spkiPublicKey } from './core/scheme/keys/spki-public-key.js';
export { hmac } from './core/scheme/algorithms/hmac.js';
export { ed25519 } from './core/scheme/algorithms/ed25519.js';
export { ecdsaP256 } from './core/scheme/algorithms/ecdsa-p256.js';
export { rfc3339 } from './core/scheme/timestamps/rfc3339.js';
export { unixSeconds } from './core/scheme/timestamps/unix-seconds.js';
export { unixMillis } from './core/scheme/timestamps/unix-millis.js';
export { bodyDigest } from './core/scheme/ids/body-digest.js';
export { formParametersDigest } from './core/scheme/ids/form-parameters-digest.js';
export { idFrom } from './core/scheme/ids/id-from.js';
export { jsonBody } from './core/scheme/bodies/json-body.js';
export { formBody } from './core/scheme/bodies/form-body.js';
export { textBody } from './core/scheme/bodies/text-body.js';
export { bytesBody } from './core/scheme/bodies/bytes-body.js';
export type { TimestampFormat } from './core/timestamps.js';
export {
  createVerifier,
  type DeliveryInput,
  type VerificationFailure,
  type VerifiedDelivery,
  type VerifiedSignature,
  type Verifier,
  type VerifierOptions,
  type VerifyOutcome,
} from './core/verifier.js';
export {
  createWebhookReceiver,
  type DedupeRunner,
  type DedupeRunOutcome,
  type DeliveryContext,
  type DeliveryHandler,
  type HandlerContext,
  type EventParser,
  type EventRouterLike,
  type ReceiverHooks,
  type ReceiverOutcome,
  type WebhookReceiver,
  type WebhookReceiverOptions,
} from './core/pipeline/create-webhook-receiver.js';
export { isAcknowledged, RECEIVER_STATUS, type ReceiverOutcomeCode } from './core/pipeline/outcome-codes.js';
export type { BodyReader, ReceivedRequest, ReceiverResponse } from './core/pipeline/received-request.js';
export type { CryptoBackend, HmacHash, PublicKeyAlgorithm } from './crypto/backend.js';
export { defaultCryptoBackend } from './crypto/default.js';
export { nodeCryptoBackend } from './crypto/node.js';
export { webCryptoBackend } from './crypto/web.js';
