// Signs sample deliveries the way each sender does, verifies them with hookverify, and prints
// what happened to each and why. Uses only the package's public entry points.
import { createPeridioVerifier, peridio } from 'hookverify/peridio';
import { createEdgeSenseVerifier, edgesense } from 'hookverify/edgesense';
import { createStandardWebhooksVerifier, standardWebhooks } from 'hookverify/standard-webhooks';
import { signDelivery } from 'hookverify/testing';

const PERIDIO_SECRET = '5F2D0B5C4A1E49E6B0A6C3D1E2F40718';
const PERIDIO_OLD_SECRET = 'B284A51B143841695B2D7BF3B8554731';
const EDGESENSE_SECRET = 'demo-edgesense-secret';
const SW_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

const peridioEvent = {
  version: 1,
  prn: 'prn:1:4e33149b-637d-4679-b64f-4905e7a0cf8c:event:5b7e1a0c-2f43-4d0e-9a51-8f0c3a2b1d11',
  type: 'device',
  inserted_at: new Date().toISOString(),
  data: {
    type: 'release_changed',
    data: {
      device: { identifier: 'SN1337', prn: 'prn:1:4e33149b-637d-4679-b64f-4905e7a0cf8c:device:9c1b' },
      from_release: null,
      to_release: { prn: 'prn:1:4e33149b-637d-4679-b64f-4905e7a0cf8c:release:77aa', version: '2.0.0' },
    },
  },
};
const edgesenseEvent = {
  event: 'device.data',
  timestamp: new Date().toISOString(),
  deviceId: 'edge-node-321',
  payload: { temperature: 75.3, humidity: 42.5, pressure: 101.2 },
};

const peridioVerifier = createPeridioVerifier({
  secrets: [
    { secret: PERIDIO_SECRET, label: 'current' },
    { secret: PERIDIO_OLD_SECRET, label: 'previous' },
  ],
});
const edgesenseVerifier = createEdgeSenseVerifier({ secret: EDGESENSE_SECRET });
const swVerifier = createStandardWebhooksVerifier({ secret: SW_SECRET });

const cases = [
  ['peridio: valid delivery', peridioVerifier, () => signDelivery(peridio, { secret: PERIDIO_SECRET, body: peridioEvent })],
  [
    'peridio: rotation, two signatures',
    peridioVerifier,
    () => signDelivery(peridio, { secrets: [PERIDIO_OLD_SECRET, PERIDIO_SECRET], body: peridioEvent }),
  ],
  [
    'peridio: tampered body',
    peridioVerifier,
    async () => {
      const signed = await signDelivery(peridio, { secret: PERIDIO_SECRET, body: peridioEvent });
      return { ...signed, body: signed.body.replace('2.0.0', '6.6.6') };
    },
  ],
  [
    'peridio: re-serialized body',
    peridioVerifier,
    async () => {
      const signed = await signDelivery(peridio, { secret: PERIDIO_SECRET, body: JSON.stringify(peridioEvent, null, 2) });
      return { ...signed, body: JSON.stringify(JSON.parse(signed.body)) };
    },
  ],
  [
    'peridio: stale timestamp',
    peridioVerifier,
    () => signDelivery(peridio, { secret: PERIDIO_SECRET, body: peridioEvent, timestamp: Date.now() - 10 * 60_000 }),
  ],
  ['edgesense: valid delivery', edgesenseVerifier, () => signDelivery(edgesense, { secret: EDGESENSE_SECRET, body: edgesenseEvent })],
  ['edgesense: wrong secret', edgesenseVerifier, () => signDelivery(edgesense, { secret: 'not-the-secret', body: edgesenseEvent })],
  ['standard webhooks: valid delivery', swVerifier, () => signDelivery(standardWebhooks, { secret: SW_SECRET, body: { type: 'user.created' } })],
];

const rows = [];
for (const [name, verifier, make] of cases) {
  const delivery = await make();
  const outcome = await verifier.safeVerify(delivery);
  rows.push({
    delivery: name,
    outcome: outcome.ok ? 'accepted' : `refused: ${outcome.code}`,
    why: outcome.ok ? `secret "${outcome.delivery.matchedSecret.label ?? outcome.delivery.matchedSecret.index}", id ${outcome.delivery.id?.slice(0, 40)}` : outcome.message,
  });
}
console.table(rows);
