// Vectors shared by the backend suites. The HMAC and SHA-256 ones are published (RFC 4231,
// FIPS 180-2); the delivery ones are checked against node:crypto directly in backends.test.ts,
// so a wrong constant here fails a test instead of hiding a bug.

const hex = (text: string): Uint8Array => {
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return out;
};
const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

export interface HmacVector {
  readonly name: string;
  readonly key: Uint8Array;
  readonly parts: readonly (string | Uint8Array)[];
  readonly mac: string;
}

/** RFC 4231 test cases 1, 2, 3, 4 and 6 (case 5 truncates the output), HMAC-SHA256 column. */
export const RFC4231: readonly HmacVector[] = [
  {
    name: 'case 1',
    key: hex('0b'.repeat(20)),
    parts: ['Hi There'],
    mac: 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
  },
  {
    name: 'case 2 (split into parts)',
    key: ascii('Jefe'),
    parts: ['what do ya want ', ascii('for nothing?')],
    mac: '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
  },
  {
    name: 'case 3',
    key: hex('aa'.repeat(20)),
    parts: [hex('dd'.repeat(50))],
    mac: '773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe',
  },
  {
    name: 'case 4',
    key: hex('0102030405060708090a0b0c0d0e0f10111213141516171819'),
    parts: [hex('cd'.repeat(50))],
    mac: '82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b',
  },
  {
    name: 'case 6 (key longer than a block)',
    key: hex('aa'.repeat(131)),
    parts: ['Test Using Larger Than Block-Size Key - Hash Key First'],
    mac: '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
  },
];

/** FIPS 180-2 SHA-256 examples. */
export const SHA256: readonly { readonly data: string; readonly digest: string }[] = [
  { data: 'abc', digest: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' },
  { data: '', digest: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
];

export interface DeliveryVector {
  readonly sender: 'peridio' | 'edgesense' | 'standard-webhooks';
  readonly secret: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The instant the delivery is verified at: its own signing time. */
  readonly nowMs: number;
}

const PERIDIO_BODY =
  '{"version":1,"prn":"prn:1:4e33149b-637d-4679-b64f-4905e7a0cf8c:event:5b7e1a0c-2f43-4d0e-9a51-8f0c3a2b1d11","type":"webhook","inserted_at":"2026-11-23T12:00:00Z","data":{"type":"test_fire","data":{}}}';
const EDGESENSE_BODY =
  '{"event":"device.data","timestamp":"2026-11-23T12:00:00Z","deviceId":"edge-node-321","payload":{"temperature":75.3}}';

/** One delivery per built-in sender; the signatures are re-derived with node:crypto in backends.test.ts. */
export const DELIVERIES: readonly DeliveryVector[] = [
  {
    sender: 'peridio',
    secret: '5F2D0B5C4A1E49E6B0A6C3D1E2F40718',
    body: PERIDIO_BODY,
    headers: {
      'peridio-published-at': '2026-11-23T12:00:00Z',
      'peridio-signature': 'A497ED543FB101166F22E32234D46D596DA4708CB49647D2A7E70FF755B3BFD3',
    },
    nowMs: Date.UTC(2026, 10, 23, 12, 0, 0),
  },
  {
    sender: 'edgesense',
    secret: 'edge-secret',
    body: EDGESENSE_BODY,
    headers: { 'x-edgesense-signature': '47a94bffe667329cc50bc9744e445a85628571f21fb4bb244211536644e84d7d' },
    nowMs: Date.UTC(2026, 10, 23, 12, 0, 0),
  },
  {
    // The Standard Webhooks specification's own example.
    sender: 'standard-webhooks',
    secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    body: '{"test": 2432232314}',
    headers: {
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    },
    nowMs: 1614265330_000,
  },
];
