// Every benchmark group: what is compared with what, on which delivery. A group is built just
// before it runs (fresh signing times), and each of its subjects must accept the valid delivery
// and refuse a tampered copy before anything is timed.
import { createVerifier } from '../src/core/verifier.js';
import { webCryptoBackend } from '../src/crypto/web.js';
import { peridioEvents } from '../src/senders/peridio/events/index.js';
import { createPeridioVerifier } from '../src/senders/peridio/index.js';
import { createStandardWebhooksVerifier } from '../src/senders/standard-webhooks/index.js';
import { github } from '../src/senders/github/index.js';
import { stripe } from '../src/senders/stripe/index.js';
import { octokitContender, standardWebhooksContender, stripeContender, svixContender } from './contenders.js';
import {
  githubDelivery,
  peridioDelivery,
  peridioEventBody,
  PERIDIO_SECRETS,
  sizeLabel,
  STRIPE_SECRET,
  GITHUB_SECRET,
  stripeDelivery,
  swDelivery,
  swKey,
  SW_SECRETS,
  tampered,
  type Delivery,
} from './fixtures.js';
import { peridioFloor, peridioSubtleFloor, swFloor, withParse } from './floors.js';
import type { BenchGroup } from './harness.js';

/** One timed function and how it is called on a delivery. */
export interface Subject {
  readonly name: string;
  readonly async: boolean;
  readonly run: (delivery: Delivery) => unknown;
}

export interface PlannedGroup {
  readonly section: SectionId;
  readonly size: number;
  readonly group: BenchGroup;
  /** Throws unless every subject accepts the delivery and refuses a tampered copy. */
  readonly sanity: () => Promise<void>;
}

export type SectionId = 'signature' | 'parse' | 'typed' | 'rolling' | 'rejection' | 'contenders' | 'web';

/**
 * Whether a subject accepted: true, a payload, or a verified delivery; not false, undefined,
 * `{ ok: false }` or a throw. One reading for floors, hookverify and every contender.
 */
export async function accepted(subject: Subject, delivery: Delivery): Promise<boolean> {
  try {
    const result = await subject.run(delivery);
    if (result === false || result === undefined) return false;
    if (typeof result === 'object' && result !== null && 'ok' in result) return (result as { ok: unknown }).ok === true;
    return true;
  } catch {
    return false;
  }
}

function plan(
  section: SectionId,
  size: number,
  id: string,
  title: string,
  baseline: string,
  subjects: readonly Subject[],
  delivery: Delivery,
  options: { refused?: Delivery; timed?: Readonly<Record<string, Delivery>> } = {},
): PlannedGroup {
  const refused = options.refused ?? tampered(delivery);
  return {
    section,
    size,
    group: {
      id,
      title,
      baseline,
      cases: subjects.map((subject) => {
        const input = options.timed?.[subject.name] ?? delivery;
        const run = subject.run;
        return { name: subject.name, async: subject.async, fn: () => run(input) };
      }),
    },
    async sanity() {
      for (const subject of subjects) {
        if (!(await accepted(subject, delivery))) throw new Error(`${id}: ${subject.name} refused a valid delivery`);
        if (await accepted(subject, refused)) throw new Error(`${id}: ${subject.name} accepted a tampered delivery`);
      }
    },
  };
}

const sync = (name: string, run: (delivery: Delivery) => unknown): Subject => ({ name, async: false, run });
const async = (name: string, run: (delivery: Delivery) => unknown): Subject => ({ name, async: true, run });

export const FLOOR = 'node:crypto floor';
export const FLOOR_PARSE = 'floor + JSON.parse';

/** Each builder returns the groups of one section, built lazily so signing times stay fresh. */
export function buildGroups(sizes: readonly number[]): (() => Promise<PlannedGroup> | PlannedGroup)[] {
  const builders: (() => Promise<PlannedGroup> | PlannedGroup)[] = [];
  const peridioKey = [PERIDIO_SECRETS[0]];
  const swKeys = [swKey(SW_SECRETS[0])];

  for (const size of sizes) {
    // (a) signature alone.
    builders.push(() => {
      const floor = peridioFloor(peridioKey);
      const verifier = createPeridioVerifier({ secret: PERIDIO_SECRETS[0] });
      return plan('signature', size, `signature-peridio-${size}`, `Signature only, Peridio, ${sizeLabel(size)}`, FLOOR, [
        sync(FLOOR, (d) => floor(d.body, d.headers)),
        async('hookverify verifySignature', (d) => verifier.verifySignature(d)),
        sync('hookverify verifySignatureSync', (d) => verifier.verifySignatureSync(d)),
      ], peridioDelivery(peridioEventBody(size)));
    });
    builders.push(() => {
      const floor = swFloor(swKeys);
      const verifier = createStandardWebhooksVerifier({ secret: SW_SECRETS[0] });
      return plan('signature', size, `signature-sw-${size}`, `Signature only, Standard Webhooks, ${sizeLabel(size)}`, FLOOR, [
        sync(FLOOR, (d) => floor(d.body, d.headers)),
        async('hookverify verifySignature', (d) => verifier.verifySignature(d)),
        sync('hookverify verifySignatureSync', (d) => verifier.verifySignatureSync(d)),
      ], swDelivery(peridioEventBody(size)));
    });
    // (b) verify + JSON.parse.
    builders.push(() => {
      const floor = withParse(peridioFloor(peridioKey));
      const verifier = createPeridioVerifier({ secret: PERIDIO_SECRETS[0] });
      return plan('parse', size, `parse-peridio-${size}`, `Verify + JSON.parse, Peridio, ${sizeLabel(size)}`, FLOOR_PARSE, [
        sync(FLOOR_PARSE, (d) => floor(d.body, d.headers)),
        async('hookverify verify', (d) => verifier.verify(d)),
        async('hookverify safeVerify', (d) => verifier.safeVerify(d)),
        sync('hookverify verifySync', (d) => verifier.verifySync(d)),
      ], peridioDelivery(peridioEventBody(size)));
    });
    builders.push(() => {
      const floor = withParse(swFloor(swKeys));
      const verifier = createStandardWebhooksVerifier({ secret: SW_SECRETS[0] });
      return plan('parse', size, `parse-sw-${size}`, `Verify + JSON.parse, Standard Webhooks, ${sizeLabel(size)}`, FLOOR_PARSE, [
        sync(FLOOR_PARSE, (d) => floor(d.body, d.headers)),
        async('hookverify verify', (d) => verifier.verify(d)),
        async('hookverify safeVerify', (d) => verifier.safeVerify(d)),
      ], swDelivery(peridioEventBody(size)));
    });
    // (c) fully typed: verify, parse, zod validation of the Peridio event.
    builders.push(() => {
      const floor = withParse(peridioFloor(peridioKey));
      const verifier = createPeridioVerifier({ secret: PERIDIO_SECRETS[0] });
      return plan('typed', size, `typed-peridio-${size}`, `Typed (verify + parse + zod), Peridio, ${sizeLabel(size)}`, FLOOR_PARSE, [
        sync(FLOOR_PARSE, (d) => floor(d.body, d.headers)),
        async('hookverify verify + peridioEvents.parse', (d) =>
          verifier.verify(d).then((delivery) => {
            const result = peridioEvents.parse(delivery.payload);
            // An event the catalog does not know would skip zod: the row must measure validation.
            return result.ok && !result.event.unknown ? result : { ok: false };
          }),
        ),
      ], peridioDelivery(peridioEventBody(size)));
    });
    // (d) secret rolling: two active secrets, the delivery signed by the second only.
    builders.push(() => {
      const floor = peridioFloor(PERIDIO_SECRETS);
      const verifier = createPeridioVerifier({ secrets: [...PERIDIO_SECRETS] });
      return plan('rolling', size, `rolling-peridio-${size}`, `Secret rolling (2 secrets, second matches), Peridio, ${sizeLabel(size)}`, 'node:crypto floor, 2 HMACs', [
        sync('node:crypto floor, 2 HMACs', (d) => floor(d.body, d.headers)),
        async('hookverify verifySignature', (d) => verifier.verifySignature(d)),
      ], peridioDelivery(peridioEventBody(size), [PERIDIO_SECRETS[1]]));
    });
    // (f) contenders on their own schemes.
    builders.push(() => {
      const floor = withParse(swFloor(swKeys));
      const verifier = createStandardWebhooksVerifier({ secret: SW_SECRETS[0] });
      const contender = standardWebhooksContender(SW_SECRETS[0]);
      return plan('contenders', size, `contender-standardwebhooks-${size}`, `standardwebhooks vs hookverify, ${sizeLabel(size)}`, 'standardwebhooks verify', [
        sync('standardwebhooks verify', contender),
        async('hookverify verify', (d) => verifier.verify(d)),
        sync(FLOOR_PARSE, (d) => floor(d.body, d.headers)),
      ], swDelivery(peridioEventBody(size)));
    });
    builders.push(() => {
      const floor = withParse(swFloor(swKeys));
      const verifier = createStandardWebhooksVerifier({ secret: SW_SECRETS[0] });
      const contender = svixContender(SW_SECRETS[0]);
      return plan('contenders', size, `contender-svix-${size}`, `svix vs hookverify, ${sizeLabel(size)}`, 'svix verify', [
        sync('svix verify', contender),
        async('hookverify verify', (d) => verifier.verify(d)),
        sync(FLOOR_PARSE, (d) => floor(d.body, d.headers)),
      ], swDelivery(peridioEventBody(size)));
    });
    builders.push(() => {
      const verifier = createVerifier(github, { secret: GITHUB_SECRET });
      const contender = octokitContender();
      return plan('contenders', size, `contender-octokit-${size}`, `@octokit/webhooks-methods vs hookverify, ${sizeLabel(size)}`, 'octokit verify', [
        async('octokit verify', contender),
        async('hookverify verifySignature', (d) => verifier.verifySignature(d)),
      ], githubDelivery(peridioEventBody(size)));
    });
    builders.push(() => {
      const verifier = createVerifier(stripe, { secret: STRIPE_SECRET });
      const contender = stripeContender();
      return plan('contenders', size, `contender-stripe-${size}`, `stripe vs hookverify, ${sizeLabel(size)}`, 'stripe constructEvent', [
        sync('stripe constructEvent', contender),
        async('hookverify verify', (d) => verifier.verify(d)),
      ], stripeDelivery(peridioEventBody(size)));
    });
    // (g) Web Crypto backend against a hand-written crypto.subtle verification.
    builders.push(async () => {
      const floor = await peridioSubtleFloor(PERIDIO_SECRETS[0]);
      const verifier = createPeridioVerifier({ secret: PERIDIO_SECRETS[0], backend: webCryptoBackend() });
      return plan('web', size, `web-peridio-${size}`, `Web Crypto backend, Peridio, ${sizeLabel(size)}`, 'crypto.subtle floor', [
        async('crypto.subtle floor', (d) => floor(d.body, d.headers)),
        async('hookverify verifySignature (web)', (d) => verifier.verifySignature(d)),
      ], peridioDelivery(peridioEventBody(size)));
    });
  }

  // (e) refusing a forged delivery against accepting a valid one, 1 KB, same verifier.
  builders.push(() => {
    const size = 1024;
    const verifier = createPeridioVerifier({ secret: PERIDIO_SECRETS[0] });
    const valid = peridioDelivery(peridioEventBody(size));
    const forged = tampered(valid);
    const group = plan('rejection', size, 'rejection-peridio-1024', 'Forged vs valid delivery, Peridio, 1 KB (safeVerify)', 'accept (valid)', [
      async('accept (valid)', (d) => verifier.safeVerify(d)),
      async('reject (forged, safeVerify)', (d) => verifier.safeVerify(d)),
      async('reject (forged, verify throws)', (d) => verifier.verify(d).catch(() => undefined)),
    ], valid, { timed: { 'reject (forged, safeVerify)': forged, 'reject (forged, verify throws)': forged } });
    return {
      ...group,
      async sanity() {
        if (!(await verifier.safeVerify(valid)).ok) throw new Error('rejection: the valid delivery was refused');
        const outcome = await verifier.safeVerify(forged);
        if (outcome.ok || outcome.code !== 'invalid_signature') throw new Error('rejection: the forged delivery was not refused');
      },
    };
  });
  return builders;
}
