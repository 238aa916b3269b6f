/**
 * `hookverify`: the runtime-neutral verification core and the way to describe any HMAC sender.
 *
 * @module
 */
export type { RawBody } from './core/body.js';
export type { BodyKind } from './core/body-kind.js';
export { DEFAULT_MAX_BODY_BYTES } from './core/body.js';
export type { Duration } from './core/duration.js';
export {
  ConfigurationError,
  DedupeError,
  EventValidationError,
  HookverifyError,
  PrnError,
  WebhookVerificationError,
  type ConfigurationErrorCode,
  type DedupeErrorCode,
  type EventErrorCode,
  type HookverifyErrorCode,
  type PrnErrorCode,
  type VerificationErrorCode,
} from './core/errors.js';
export type { HeadersGetter, HeadersInput } from './core/headers.js';
export type { MatchedSecret, SecretEncoding, SecretInput } from './core/secrets.js';
export {
  defineSender,
  type EventTypeSpec,
  type IdContext,
  type IdSpec,
  type Sender,
  type SenderDefinition,
  type SignatureHeaderSpec,
  type SignedPart,
  type TimestampSpec,
} from './core/sender.js';
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
  type EventParser,
  type EventRouterLike,
  type ReceiverHooks,
  type ReceiverOutcome,
  type WebhookReceiver,
  type WebhookReceiverOptions,
} from './core/pipeline/create-webhook-receiver.js';
export { isAcknowledged, RECEIVER_STATUS, type ReceiverOutcomeCode } from './core/pipeline/outcome-codes.js';
export type { BodyReader, ReceivedRequest, ReceiverResponse } from './core/pipeline/received-request.js';
export type { CryptoBackend } from './crypto/backend.js';
export { defaultCryptoBackend } from './crypto/default.js';
export { nodeCryptoBackend } from './crypto/node.js';
export { webCryptoBackend } from './crypto/web.js';
