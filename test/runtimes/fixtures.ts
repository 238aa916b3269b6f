// What the runtime suite verifies, made on Node from the independent references: every vendor
// oracle's reference signer (node:crypto, checked against the vendor SDKs in test/oracles),
// the published HMAC, SHA-256 and delivery vectors, and the hostile-input catalogue. Each
// fixture carries the outcome hookverify's source gives on Node, so a runtime that differs
// from Node in any case fails; the acceptance of what the references sign is asserted here too,
// so the expected outcomes are not hookverify's word alone.
import { durationToMs } from '../../src/core/duration.js';
import type { Sender } from '../../src/core/scheme/compose-sender.js';
import { createVerifier, type VerifierOptions } from '../../src/core/verifier.js';
import { nodeCryptoBackend } from '../../src/crypto/node.js';
import { entries } from '../../scripts/entries.mjs';
import { cases, EDGESENSE_SECRET, NOW as CATALOGUE_NOW, PERIDIO_SECRET, SW_SECRET } from '../hostile/catalogue-cases.js';
import { oracles } from '../oracles/index.js';
import { utf8, type Oracle, type SignedRequest } from '../oracles/oracle.js';
import { slackOracle } from '../oracles/slack.js';
import { DELIVERIES, RFC4231, SHA256 } from '../crypto/vectors.js';
import { signatureByte } from '../senders/oracle-checks.js';
import { encodeFixture } from './encode-fixture.js';

// A round number, so a timestamp moved by one digit stays inside every window (as oracle-checks.ts).
const SIGNED_AT = 1_750_000_000;

// Oracles named for a scheme version where the sender is named for the vendor; Slack's oracle
// posts a slash-command form, and its events sender is the same scheme over a JSON body.
const SENDER_OF_ORACLE: Record<string, string> = {
  'standard-webhooks-v1': 'standard-webhooks',
  'hubspot-v3': 'hubspot',
  'twitch-eventsub': 'twitch',
  slack: 'slack-commands',
};
const slackEvents: Oracle = {
  ...slackOracle,
  name: 'slack-events',
  example: { ...slackOracle.example, body: utf8('{"type":"event_callback","event_id":"Ev0PV52K21","event":{"type":"app_mention","text":"café ✓"}}') },
};
SENDER_OF_ORACLE['slack-events'] = 'slack';
// Square signs the notification URL as registered, which its verifier is given, not the request's.
const PINS_URL = new Set(['square']);

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const wire = (request: SignedRequest) => ({ method: request.method, url: request.url, headers: request.headers, body: base64(request.body) });

interface Located {
  readonly sender: Sender;
  readonly entry: string;
  readonly exportName: string;
}

async function senderEntries(): Promise<Map<string, Located>> {
  const found = new Map<string, Located>();
  for (const [subpath, file] of Object.entries(entries)) {
    if (!/^src\/senders\/[a-z-]+\/index\.ts$/.test(file)) continue;
    const module = (await import(/* @vite-ignore */ new URL(`../../${file}`, import.meta.url).href)) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(module)) {
      const sender = value as Sender | null;
      if (typeof sender?.replayProtection === 'string') found.set(sender.name, { sender, entry: subpath.slice(2), exportName });
    }
  }
  return found;
}

async function outcomeOnNode(sender: Sender, request: SignedRequest, options: Partial<VerifierOptions>) {
  const verifier = createVerifier(sender, { backend: nodeCryptoBackend()!, ...options } as VerifierOptions);
  return verifier.safeVerify({ body: request.body, headers: request.headers, url: request.url, method: request.method });
}

async function senderFixtures(located: Map<string, Located>) {
  const fixtures = [];
  for (const oracle of [...oracles, slackEvents]) {
    const name = SENDER_OF_ORACLE[oracle.name] ?? oracle.name;
    const where = located.get(name);
    if (!where) throw new Error(`no built-in sender named ${name} for the ${oracle.name} oracle`);
    const { sender } = where;
    const keys = oracle.keys();
    const other = oracle.keys();
    const request = oracle.reference.sign({ ...oracle.example, key: keys.signingKey, timestamp: SIGNED_AT });
    // A pinned URL is the one the request was posted to, as a receiver configured for it would pin.
    const options = (secret: string, posted: SignedRequest = request) => ({
      secret,
      now: () => SIGNED_AT * 1000,
      ...(PINS_URL.has(name) ? { url: posted.url } : {}),
    });
    const accepted = await outcomeOnNode(sender, request, options(keys.verifyingKey));
    if (!accepted.ok) throw new Error(`${name}: hookverify refuses what the reference signs (${accepted.code})`);
    const sigHeader = sender.signature.kind === 'body-field' ? undefined : sender.signature.header;
    const tampers = [...oracle.tampers.filter((t) => t.refused), ...(sigHeader ? [signatureByte(sigHeader)] : [])];
    const refusals = [];
    for (const tamper of tampers) {
      const tampered = tamper.apply(request);
      const outcome = await outcomeOnNode(sender, tampered, options(keys.verifyingKey, tampered));
      if (outcome.ok) throw new Error(`${name}: hookverify accepts the delivery after changing ${tamper.what}`);
      refusals.push({ what: tamper.what, request: wire(tampered), code: outcome.code });
    }
    const underOther = await outcomeOnNode(sender, request, options(other.verifyingKey));
    if (underOther.ok) throw new Error(`${name}: hookverify accepts a delivery under another key`);
    const toleranceMs = sender.timestamp ? durationToMs(sender.tolerance ?? '5m', 'tolerance') : undefined;
    fixtures.push({
      name,
      entry: where.entry,
      exportName: where.exportName,
      verifyingKey: keys.verifyingKey,
      otherVerifyingKey: other.verifyingKey,
      pinsUrl: PINS_URL.has(name),
      signedAtMs: SIGNED_AT * 1000,
      request: wire(request),
      expected: {
        id: accepted.delivery.id ?? null,
        eventType: accepted.delivery.eventType ?? null,
        timestampMs: accepted.delivery.timestamp?.getTime() ?? null,
        replayable: accepted.delivery.replayable,
        payload: accepted.delivery.payload,
      },
      otherKeyCode: underOther.code,
      refusals,
      toleranceMs: toleranceMs ?? null,
    });
  }
  return fixtures;
}

function hostileFixtures() {
  const crossing = [];
  const leftOnNode = [];
  for (const c of cases) {
    const encoded = { body: encodeFixture(c.body), headers: encodeFixture(c.headers), options: encodeFixture(c.options ?? {}) };
    if (Object.values(encoded).includes(undefined)) leftOnNode.push(c.name);
    else crossing.push({ name: c.name, sender: c.sender, expected: c.expected, ...encoded });
  }
  return { cases: crossing, leftOnNode, now: CATALOGUE_NOW, secrets: { peridio: PERIDIO_SECRET, 'standard-webhooks': SW_SECRET, edgesense: EDGESENSE_SECRET } };
}

/** Everything suite/conformance.mjs reads, as JSON (tagged where suite/codec.mjs says). */
export async function makeRuntimeFixtures() {
  const located = await senderEntries();
  return {
    senders: await senderFixtures(located),
    deliveries: DELIVERIES.map((d) => ({ ...d, entry: located.get(d.sender)!.entry, exportName: located.get(d.sender)!.exportName })),
    hmac: RFC4231.map((v) => ({ name: v.name, key: encodeFixture(v.key), parts: encodeFixture(v.parts), mac: v.mac })),
    sha256: SHA256,
    hostile: hostileFixtures(),
  };
}
