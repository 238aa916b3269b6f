// The vendors that sign only their raw body, in one header, with no timestamp (Lemon Squeezy,
// Coinbase Commerce, Sentry, Vercel, Intercom, Meta, Typeform): the conformance suite and the oracle checks,
// given what differs between them.
import { createHash, randomBytes } from 'node:crypto';
import type { Sender } from '../../src/core/scheme/compose-sender.js';
import type { SignatureHeaderSource } from '../../src/core/scheme/signatures/signature-header.js';
import type { Verifier, VerifierOptions } from '../../src/core/verifier.js';
import type { Oracle } from '../oracles/oracle.js';
import { describeConformance } from './conformance.js';
import { describeOracleChecks, sha256Hex } from './oracle-checks.js';
import { bodyHmac } from './reference-signers.js';

export interface BodyHmacVendor {
  readonly sender: Sender<SignatureHeaderSource>;
  readonly create: (options: VerifierOptions) => Verifier;
  readonly oracle: Oracle;
  readonly hash: 'sha1' | 'sha256';
  /** A payload in the vendor's shape, written at `ms`. */
  readonly payload: (ms: number) => Record<string, unknown>;
  /** The event type the definition reads from the signed body of the oracle's example. */
  readonly eventType: string | undefined;
}

export function describeBodyHmacVendor(v: BodyHmacVendor): void {
  const sign = bodyHmac(v.hash, v.sender.signature.prefix, v.sender.signature.encoding.name);
  const secret = () => randomBytes(16).toString('base64url');
  describeConformance({
    name: v.sender.name,
    sender: v.sender,
    create: v.create,
    secrets: [secret(), secret()],
    wrongSecret: secret(),
    multiSignature: false,
    timestampIn: 'none',
    payload: v.payload,
    sign: (body, _ms, secrets) => ({ [v.sender.signature.header]: sign(secrets[0]!, body) }),
    expectedId: (body) => createHash('sha256').update(body).digest('hex'),
  });
  describeOracleChecks({
    sender: v.sender,
    create: v.create,
    oracle: v.oracle,
    expected: (request) => ({ id: sha256Hex(request.body), eventType: v.eventType }),
  });
}
