import { ConfigurationError } from '../errors.js';
import { bytesBody } from '../scheme/bodies/bytes-body.js';
import { formBody } from '../scheme/bodies/form-body.js';
import { jsonBody } from '../scheme/bodies/json-body.js';
import { textBody } from '../scheme/bodies/text-body.js';
import { checkBodyFields } from '../scheme/check-body-fields.js';
import type { Sender } from '../scheme/compose-sender.js';
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

/** The sender's body kind, or the one the verifier's options name, checked against what the sender reads. */
export function bodyKindFor(sender: Sender, kind: BodyKindName | BodyKind | undefined): BodyKind {
  if (kind === undefined) return sender.body;
  const body = typeof kind === 'string' && Object.prototype.hasOwnProperty.call(KINDS, kind) ? KINDS[kind] : (kind as BodyKind);
  if (typeof body?.read !== 'function') throw new ConfigurationError('invalid_option', 'body must be "json", "form", "text" or "bytes"');
  // The composer's own rule: a body field needs a body with fields.
  checkBodyFields([...sender.signedParts, sender.timestamp?.source, sender.id, sender.eventType] as never, body);
  return body;
}
