import type { Sender } from '../scheme/compose-sender.js';
import type { Binder, BodyFieldSource, BodyKind, ComputedId, RequestState, SignedCheck, Step, ValueSource, VerificationFailure } from '../scheme/types.js';
import { candidateDecoder } from './candidate-decoder.js';
import { fail } from './failures.js';

/** Why a header cannot be used, indexed by what readHeader answered (HEADER_MISSING...). */
type HeaderFailures = readonly [missing: VerificationFailure, malformed: VerificationFailure, repeated: VerificationFailure];

/** A sender's parts bound to slots: what a verifier does on every request, decided once. */
export interface BoundSender {
  /** The headers read first, each once, and where their values go. */
  readonly headerNames: readonly string[];
  readonly headerSlots: readonly number[];
  /** Per header, indexed by what readHeader answered: missing, unusable, repeated. */
  readonly headerFailures: readonly HeaderFailures[];
  readonly steps: readonly Step[];
  /** Checks run once a signature holds, in the order the parts added them. */
  readonly afterSignature: readonly SignedCheck[];
  readonly extract: (state: RequestState) => Uint8Array[] | VerificationFailure;
  /** Per signed piece: its slot, -1 for the body, -2 for a literal (in `literals`). */
  readonly pieces: readonly number[];
  readonly literals: readonly string[];
  readonly slotCount: number;
  /** Slots of values read before the signature is checked, or -1. */
  readonly timestampSlot: number;
  readonly idSlot: number;
  readonly eventTypeSlot: number;
  /** A timestamp in a signed body, read from the verified payload. */
  readonly timestampField: BodyFieldSource | undefined;
  readonly computedId: ComputedId | undefined;
}

/** Binds every part of a sender once: headers get slots, parts register their steps. */
export function bindSender(sender: Sender, bodyKind: BodyKind = sender.body): BoundSender {
  const headerNames: string[] = [];
  const headerSlots: number[] = [];
  const headerFailures: HeaderFailures[] = [];
  const steps: Step[] = [];
  const afterSignature: SignedCheck[] = [];
  const shared = new Map<object, unknown>();
  let slotCount = 0;
  const binder: Binder = {
    sender: sender.name,
    bodyKind,
    header(name, missing, malformed) {
      const at = headerNames.indexOf(name);
      if (at !== -1) return headerSlots[at]!;
      headerNames.push(name);
      headerFailures.push([
        missing ?? fail('missing_header', `the ${name} header is missing`),
        malformed ?? fail('malformed_header', `the ${name} header is too long or is not text`),
        fail('malformed_header', `the ${name} header was sent more than once; it is used only when sent once`),
      ]);
      headerSlots.push(slotCount);
      return slotCount++;
    },
    slot: () => slotCount++,
    step(run) {
      steps.push(run);
    },
    afterSignature(check) {
      afterSignature.push(check);
    },
    once<T>(key: object, make: () => T): T {
      if (!shared.has(key)) shared.set(key, make());
      return shared.get(key) as T;
    },
    fail,
  };

  const algorithm = sender.algorithm;
  const limit = algorithm.maxSignatures;
  // The signature source binds first, so that its header is read, and reported, first.
  const extract = sender.signature.bind(binder, candidateDecoder(sender.signature.encoding, algorithm.signatureLength, limit), limit);
  const literals: string[] = [];
  const pieces = sender.signedParts.map((piece, i) => {
    literals[i] = piece.kind === 'literal' ? piece.text : '';
    return piece.kind === 'body' ? -1 : piece.kind === 'literal' ? -2 : piece.bind(binder);
  });
  // A field of a signed body is read from the verified payload; every other value, before the
  // signature is checked.
  const early = (source: ValueSource | undefined): number => (source !== undefined && 'bind' in source ? source.bind(binder) : -1);
  const tsSource = sender.timestamp?.source;
  const id = sender.id;
  const computedId = id !== undefined && 'compute' in id ? id : undefined;
  return {
    headerNames,
    headerSlots,
    headerFailures,
    steps,
    afterSignature,
    extract,
    pieces,
    literals,
    timestampSlot: early(tsSource),
    idSlot: computedId ? -1 : early(id as ValueSource | undefined),
    eventTypeSlot: early(sender.eventType),
    timestampField: tsSource !== undefined && !('bind' in tsSource) ? tsSource : undefined,
    computedId,
    // Read last: the bindings above may still add slots.
    get slotCount() {
      return slotCount;
    },
  };
}
