// Whether the floor verifier (peridio-floor.ts) answers as createPeridioVerifier does, so that
// its size is a fair lower bound: generated deliveries (valid, tampered, rolled secrets, stale
// and future timestamps, bad and repeated headers, encoded, empty and non-JSON bodies, parsed
// bodies), both crypto backends, safeVerify and verifySignature compared as JSON.
// test/bench/size-floor.test.ts runs it on every test run; agree.ts runs more cases by hand.
import { createHmac } from 'node:crypto';
import { webCryptoBackend } from '../../src/crypto/web.js';
import type { VerifierOptions } from '../../src/core/verifier.js';
import { createPeridioVerifier } from '../../src/senders/peridio/index.js';
import { createPeridioFloorVerifier } from './peridio-floor.js';

export interface Agreement {
  readonly compared: number;
  readonly accepted: number;
  /** The first few inputs the two answered differently, with both answers. */
  readonly differences: readonly string[];
  readonly differing: number;
}

const OLD = 'a'.repeat(32);
const CURRENT = 'b1'.repeat(16);
const OTHER = 'c'.repeat(32);
const now = Date.parse('2026-12-02T12:00:00Z');

/** A small seeded generator, so that a difference can be reproduced. */
function picker(seed: number): <T>(values: readonly T[]) => T {
  let state = seed;
  return (values) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    // The high bits: the low bits of this generator repeat with a short period.
    return values[(state >>> 15) % values.length]!;
  };
}
function sign(secret: string, publishedAt: string, body: string): string {
  return createHmac('sha256', Buffer.from(secret, 'hex')).update(publishedAt).update(body).digest('hex').toUpperCase();
}

/** Runs `cases` generated deliveries per backend through both verifiers. */
export async function compareWithFloor(cases: number, seed = 12): Promise<Agreement> {
  const pick = picker(seed);
  let compared = 0;
  let accepted = 0;
  let differing = 0;
  const differences: string[] = [];
  for (const backend of [undefined, webCryptoBackend()]) {
    const options: VerifierOptions = {
      secrets: [
        { secret: OLD, label: 'old', notAfter: now + 1000 },
        { secret: CURRENT, label: 'current' },
      ],
      now: () => now,
      // Small enough that the padded body below is refused as too large.
      maxBodyBytes: 96,
      tolerance: '6m',
      backend,
    };
    const real = createPeridioVerifier(options);
    const floor = createPeridioFloorVerifier(options);
    for (let k = 0; k < cases; k++) {
      const publishedAt = pick([
        new Date(now).toISOString(),
        new Date(now - 400_000).toISOString(),
        new Date(now + 400_000).toISOString(),
        'garbage',
        '2026-02-30T00:00:00Z',
        '',
      ]);
      const body = pick([
        '{"prn":"prn:1:abc","x":1}',
        '{"x":1}',
        '',
        'not json',
        '{"prn":""}',
        '[1]',
        'null',
        `{"prn":"prn:1:abc","pad":"${'x'.repeat(80)}"}`,
      ]);
      const signature = sign(pick([OLD, CURRENT, OTHER]), publishedAt, body);
      const header = pick<string | string[] | undefined>([
        signature,
        signature.toLowerCase(),
        `${sign(OLD, publishedAt, body)},${sign(CURRENT, publishedAt, body)}`,
        'zz',
        '',
        Array<string>(17).fill(signature).join(','),
        ` ${signature} , `,
        [signature, signature],
        undefined,
      ]);
      const headers = pick<Record<string, unknown> | Headers>([
        { 'peridio-signature': header, 'peridio-published-at': publishedAt },
        { 'Peridio-Signature': header, 'peridio-published-at': publishedAt },
        new Headers({
          'peridio-signature': String(header ?? ''),
          'peridio-published-at': publishedAt,
        }),
        { 'peridio-published-at': publishedAt },
        {
          'peridio-signature': header,
          'peridio-published-at': publishedAt,
          'content-encoding': 'gzip',
        },
      ]);
      const input = pick([{ body, headers }, { body: new TextEncoder().encode(body), headers }, { body: { parsed: true }, headers }, null]) as never;
      const pairs = [
        [await real.safeVerify(input), await floor.safeVerify(input)],
        [await real.verifySignature(input), await floor.verifySignature(input)],
      ];
      for (const [expected, actual] of pairs) {
        compared++;
        if (!('code' in expected!)) accepted++;
        const want = JSON.stringify(expected);
        const got = JSON.stringify(actual);
        if (want === got) continue;
        differing++;
        if (differences.length < 3)
          differences.push(`${JSON.stringify(input).slice(0, 160)}\n  real:  ${want.slice(0, 240)}\n  floor: ${got.slice(0, 240)}`);
      }
    }
  }
  return { compared, accepted, differences, differing };
}
