import type { CandidateDecoder, SignatureEncoding } from '../scheme/types.js';

// DER ECDSA signatures are at most 72 bytes; anything far longer is not a signature.
const MAX_VARIABLE_BYTES = 128;

/**
 * How a verifier turns signature text into bytes. Fixed-length signatures (every HMAC, Ed25519)
 * are decoded into buffers the verifier owns and reuses, not into arrays allocated per request:
 * node's timingSafeEqual is several times slower on a small typed array made per call (V8 must
 * first move it off its heap). Sharing them is safe because the synchronous path never yields
 * between decoding and comparing, and an asynchronous comparison copies them first.
 */
export function candidateDecoder(encoding: SignatureEncoding, length: number | undefined, limit: number): CandidateDecoder {
  if (length === undefined) {
    return (text) => {
      const bytes = encoding.decode(text);
      return bytes !== undefined && bytes.byteLength > 0 && bytes.byteLength <= MAX_VARIABLE_BYTES ? bytes : undefined;
    };
  }
  const pool = new Uint8Array(limit * length);
  const slots: Uint8Array[] = [];
  for (let i = 0; i < limit; i++) slots.push(pool.subarray(i * length, (i + 1) * length));
  // A signature of the wrong length is refused here, never compared in part.
  return (text, index) => (encoding.decodeInto(text, slots[index]!) ? slots[index] : undefined);
}
