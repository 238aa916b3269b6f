import { ConfigurationError } from '../errors.js';
import { bytesBody } from '../scheme/bodies/bytes-body.js';
import { formBody } from '../scheme/bodies/form-body.js';
import { jsonBody } from '../scheme/bodies/json-body.js';
import { textBody } from '../scheme/bodies/text-body.js';
import { composeSender, type Sender } from '../scheme/compose-sender.js';
import type { BodyKind } from '../scheme/types.js';

/**
 * The name of a body kind, as a plain description and the verifier's `body` option write it.
 *
 * @example
 * ```ts
 * import { createVerifier, type BodyKindName } from 'hookverify';
 * import { edgesense } from 'hookverify/edgesense';
 *
 * const body: BodyKindName = 'text';
 * ```
 */
export type BodyKindName = 'json' | 'form' | 'text' | 'bytes';

const KINDS: Readonly<Record<BodyKindName, BodyKind>> = { json: jsonBody, form: formBody, text: textBody, bytes: bytesBody };

/** The body kind a name or a part stands for, or a ConfigurationError. */
export function bodyKindOf(kind: BodyKindName | BodyKind): BodyKind {
  if (typeof kind === 'object' && kind !== null && typeof kind.read === 'function') return kind;
  if (typeof kind === 'string' && Object.prototype.hasOwnProperty.call(KINDS, kind)) return KINDS[kind];
  throw new ConfigurationError('invalid_option', 'body must be "json", "form", "text" or "bytes"');
}

/**
 * The sender with another body kind, composed again so that the composer's rules hold for it
 * too (a body field needs a body with fields).
 */
export function withBodyKind(sender: Sender, kind: BodyKindName | BodyKind): Sender {
  const body = bodyKindOf(kind);
  if (body === sender.body) return sender;
  return composeSender({
    ...sender,
    signatures: sender.signature,
    signed: sender.signedParts,
    id: sender.unsignedIdAllowsReplay && sender.id !== undefined && 'key' in sender.id ? { source: sender.id as never, unsignedAllowsReplay: true } : sender.id,
    eventType: sender.unsignedEventTypeAllowsRelabeling ? { source: sender.eventType!, unsignedAllowsRelabeling: true } : sender.eventType,
    body,
  });
}
