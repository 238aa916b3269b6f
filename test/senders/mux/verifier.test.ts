import { randomBytes } from 'node:crypto';
import { createMuxVerifier, mux } from '../../../src/senders/mux/index.js';
import { muxOracle } from '../../oracles/mux.js';
import { describeConformance } from '../conformance.js';
import { describeOracleChecks, jsonOf } from '../oracle-checks.js';
import { timestampedParameters } from '../reference-signers.js';

const EVENT_ID = '3a56ac3d-33da-4366-855b-f592d898409d';

/** Mux's scheme: `t=<s>,v1=<hex of HMAC-SHA256("<t>.<body>")>`, one v1 per secret. */
const muxSignature = timestampedParameters({ time: 't', signature: 'v1', pairSeparator: ',', between: '.' });

describeConformance({
  name: 'mux',
  sender: mux,
  create: createMuxVerifier,
  secrets: [randomBytes(16).toString('base64url'), randomBytes(16).toString('base64url')],
  wrongSecret: randomBytes(16).toString('base64url'),
  multiSignature: true,
  timestampIn: 'header',
  payload: (ms) => ({ type: 'video.asset.ready', id: EVENT_ID, created_at: new Date(ms).toISOString(), object: { type: 'asset', id: 'a1' } }),
  sign: (body, ms, secrets) => ({ 'mux-signature': muxSignature(body, ms, secrets) }),
  expectedId: () => EVENT_ID,
});

describeOracleChecks({
  sender: mux,
  create: createMuxVerifier,
  oracle: muxOracle,
  expected: (request) => ({ id: jsonOf(request).id as string, eventType: 'video.asset.ready' }),
});
