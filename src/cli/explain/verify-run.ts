import type { SecretInput } from '../../core/secrets.js';
import type { Sender } from '../../core/sender.js';
import { createVerifier, type VerifyOutcome } from '../../core/verifier.js';

/** Everything one `verify` invocation checks a delivery with. */
export interface VerifyRun {
  readonly sender: Sender;
  readonly secrets: readonly SecretInput[];
  readonly body: Uint8Array;
  /** Where the body came from, for sentences about it: "the body file body.json". */
  readonly bodySource?: string;
  readonly headers: Record<string, string | string[]>;
  readonly nowMs: number;
  readonly toleranceMs: number;
  readonly maxBodyBytes: number;
}

/** What may differ from the run when a diagnosis asks "would it verify if ...?". */
export interface VerifyVariation {
  /** Another description of the sender, e.g. one that signs the body alone. */
  readonly sender?: Sender;
  readonly body?: Uint8Array;
  readonly secrets?: readonly SecretInput[];
  readonly ignoreReplayWindow?: boolean;
}

/**
 * Every verdict, including each "what if" of a diagnosis, comes from the library's own
 * verifier: the CLI never computes or compares a signature itself.
 */
export function verifyWith(run: VerifyRun, variation: VerifyVariation = {}): Promise<VerifyOutcome> {
  const verifier = createVerifier(variation.sender ?? run.sender, {
    secrets: variation.secrets ?? run.secrets,
    tolerance: run.toleranceMs / 1000,
    now: () => run.nowMs,
    maxBodyBytes: run.maxBodyBytes,
    unsafeDisableReplayCheck: variation.ignoreReplayWindow === true,
  });
  return verifier.safeVerify({ body: variation.body ?? run.body, headers: run.headers });
}
