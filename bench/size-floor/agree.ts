// Checks that the floor verifier (peridio-floor.ts) answers as createPeridioVerifier does, so
// that its size is a fair lower bound: generated deliveries (valid, tampered, rolled secrets,
// stale and future timestamps, bad and repeated headers, encoded, empty and non-JSON bodies,
// parsed bodies), both crypto backends, safeVerify and verifySignature compared as JSON.
// Exits 1 on the first differences.
//
//   node bench/run.mjs bench/size-floor/agree.ts [--cases 3000]
import { createHmac } from 'node:crypto';
import { webCryptoBackend } from '../../src/crypto/web.js';
import { createPeridioVerifier } from '../../src/senders/peridio/index.js';
import { option } from '../autocannon.js';
import { createPeridioFloorVerifier } from './peridio-floor.js';

const cases = Number(option('--cases', '3000'));
const OLD = 'a'.repeat(32);
const CURRENT = 'b1'.repeat(16);
const OTHER = 'c'.repeat(32);
const now = Date.parse('2026-12-02T12:00:00Z');

let seed = 12;
function pick<T>(values: readonly T[]): T {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return values[seed % values.length]!;
}
function sign(secret: string, publishedAt: string, body: string): string {
  return createHmac('sha256', Buffer.from(secret, 'hex')).update(publishedAt).update(body).digest('hex').toUpperCase();
}

let compared = 0;
let accepted = 0;
let differences = 0;
for (const backend of [undefined, webCryptoBackend()]) {
  const options = { secrets: [{ secret: OLD, label: 'old', notAfter: now + 1000 }, { secret: CURRENT, label: 'current' }], now: () => now, backend };
  const real = createPeridioVerifier(options);
  const floor = createPeridioFloorVerifier(options);
  for (let k = 0; k < cases; k++) {
    const publishedAt = pick([new Date(now).toISOString(), new Date(now - 400_000).toISOString(), new Date(now + 400_000).toISOString(), 'garbage', '2026-02-30T00:00:00Z', '']);
    const body = pick(['{"prn":"prn:1:abc","x":1}', '{"x":1}', '', 'not json', '{"prn":""}', '[1]', 'null']);
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
      new Headers({ 'peridio-signature': String(header ?? ''), 'peridio-published-at': publishedAt }),
      { 'peridio-published-at': publishedAt },
      { 'peridio-signature': header, 'peridio-published-at': publishedAt, 'content-encoding': 'gzip' },
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
      differences++;
      if (differences <= 3) console.error(`differs for ${JSON.stringify(input).slice(0, 160)}\n  real:  ${want.slice(0, 240)}\n  floor: ${got.slice(0, 240)}`);
    }
  }
}
console.log(`${compared} answers compared (${accepted} accepting), ${differences} different`);
process.exit(differences === 0 && accepted > 0 ? 0 : 1);
