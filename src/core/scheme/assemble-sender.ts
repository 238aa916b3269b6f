// Internal: not exported from any entry. A user's parts reach it only through composeSender,
// which checks the rules first.
import { jsonBody } from './bodies/json-body.js';
import type { Sender, SenderParts, UnsignedEventType, UnsignedId } from './compose-sender.js';
import type { BodyBindingSource, IdSource, SignatureSource, SignedPart, ValueSource } from './types.js';

/** The signed pieces as parts: a string becomes a literal piece. */
export function signedPartsOf(signed: SenderParts['signed']): SignedPart[] {
  return signed.map((piece) =>
    typeof piece === 'string' ? Object.freeze({ kind: 'literal', key: 'literal', label: JSON.stringify(piece), text: piece }) : piece,
  );
}

/** A source and whether the definition accepted it unsigned (`{ source, flag: true }`). */
function unwrap<T>(value: T | UnsignedId | UnsignedEventType | undefined, flag: string): [T | undefined, boolean] {
  return value !== null && typeof value === 'object' && flag in value ? [(value as unknown as { source: T }).source, true] : [value as T | undefined, false];
}

/**
 * The frozen sender its parts describe, with what follows from them (replay protection, what is
 * authenticated, whether the body is read first), and no rule checked. Built-in senders are
 * fixed data, so their entries use this directly rather than carry the rule checker:
 * test/senders/built-in-rules.test.ts runs every built-in through composeSender's rules and
 * fails if one would be refused.
 */
export function assembleSender<Signatures extends SignatureSource>(parts: SenderParts<Signatures>): Sender<Signatures> {
  const { signatures, timestamp } = parts;
  const signed = signedPartsOf(parts.signed);
  const bodySigned = signed.some((piece) => piece.kind === 'body');
  const binding = signed.find((piece): piece is BodyBindingSource => piece.kind === 'body-binding');
  const [id, unsignedId] = unwrap<IdSource>(parts.id, 'unsignedAllowsReplay');
  const [eventType, unsignedType] = unwrap<ValueSource>(parts.eventType, 'unsignedAllowsRelabeling');
  return Object.freeze({
    name: parts.name,
    signature: signatures,
    signedParts: Object.freeze(signed),
    algorithm: parts.algorithm,
    timestamp,
    id,
    eventType,
    unsignedIdAllowsReplay: unsignedId,
    unsignedEventTypeAllowsRelabeling: unsignedType,
    body: parts.body ?? jsonBody,
    replayProtection: timestamp === undefined ? 'none' : 'timestamp',
    authenticated: bodySigned || binding?.binds === 'body' ? 'body' : 'body-fields',
    readsBodyFirst: signatures.readsBody || signed.some((piece) => piece.kind === 'body-field') || binding?.parsesBody === true,
    retryHorizon: parts.retryHorizon,
    tolerance: parts.tolerance,
  });
}
