// The README names the fields a hook receives; a name that is not the type's (`eventName` for
// `event`) would send users' log queries to fields that are never there.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { createWebhookReceiver, type ReceiverOutcome } from '../../../src/core/pipeline/create-webhook-receiver.js';
import type { MatchedSecret } from '../../../src/core/secrets.js';
import { peridioEvents } from '../../../src/senders/peridio/events/index.js';
import { createPeridioVerifier } from '../../../src/senders/peridio/verifier.js';
import { PERIDIO_SECRET, releaseChangedBody, signPeridio } from '../../adapters/fixtures.js';

// Every key of the types, and only those: adding, renaming or removing a field fails to compile here.
const OUTCOME_FIELDS: Record<keyof ReceiverOutcome, true> = {
  code: true,
  status: true,
  message: true,
  sender: true,
  deliveryId: true,
  event: true,
  matchedSecret: true,
  durationMs: true,
  error: true,
};
const MATCHED_SECRET_FIELDS: Record<keyof MatchedSecret, true> = { index: true, label: true };

/** The backticked names of the README's sentence listing the outcome's fields. */
function documentedFields(): string[] {
  // Whitespace folded, so that rewrapping the paragraph does not matter.
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
  const start = readme.indexOf('The outcome (`ReceiverOutcome`) has the fields');
  expect(start, 'the README sentence listing the outcome fields').toBeGreaterThan(-1);
  const sentence = readme.slice(start, readme.indexOf('`error`.', start) + '`error`.'.length);
  return [...sentence.matchAll(/`([^`]+)`/g)].map((match) => match[1]!).slice(1);
}

it('the README names every field of a hook outcome as the type and the receiver spell it', async () => {
  // An outcome with every field present: a verified, parsed delivery whose handler threw.
  const seen: { outcome: ReceiverOutcome; error?: unknown }[] = [];
  const receiver = createWebhookReceiver({
    verifier: createPeridioVerifier({ secret: PERIDIO_SECRET }),
    events: peridioEvents,
    handle: () => {
      throw new Error('handler down');
    },
    hooks: { onError: (error, outcome) => seen.push({ outcome, error }), onOutcome: (outcome) => seen.push({ outcome }) },
  });
  const signed = await signPeridio(releaseChangedBody());
  await receiver.receive({ method: 'POST', headers: signed.headers, body: signed.body });
  expect(seen.map(({ outcome }) => outcome.code)).toEqual(['handler_failed', 'handler_failed']);
  const outcome = seen[1]!.outcome;

  const documented = documentedFields();
  const topLevel = documented.filter((name) => /^\w+$/.test(name));
  expect(topLevel.sort()).toEqual(Object.keys(OUTCOME_FIELDS).sort());
  expect(Object.keys(outcome).sort()).toEqual(Object.keys(OUTCOME_FIELDS).sort());
  expect(outcome.event).toBe('device.release-changed');

  const matchedSecret = documented.find((name) => name.startsWith('{'));
  expect(matchedSecret?.match(/\w+/g)?.sort()).toEqual(Object.keys(MATCHED_SECRET_FIELDS).sort());
  expect(Object.keys(outcome.matchedSecret!).sort()).toEqual(Object.keys(MATCHED_SECRET_FIELDS).sort());
});
