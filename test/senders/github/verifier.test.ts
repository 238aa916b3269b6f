// GitHub, checked both ways against @octokit/webhooks-methods, and held to what its scheme does
// not sign: no timestamp (replayable), an unsigned delivery GUID (not the dedupe id) and an
// unsigned event header (read, by name, as such).
import { createHash } from 'node:crypto';
import { sign, verify } from '@octokit/webhooks-methods';
import { describe, expect, it } from 'vitest';
import { createGitHubVerifier, github } from '../../../src/senders/github/index.js';
import { signDelivery } from '../../../src/testing/index.js';
import { expectCode } from '../conformance.js';

const SECRET = "It's a Secret to Everybody";
const BODY = JSON.stringify({ action: 'opened', issue: { number: 1347, title: 'café ✓' } });
const digest = (body: string) => createHash('sha256').update(body).digest('hex');

describe('github: against @octokit/webhooks-methods', () => {
  it("verifies GitHub's documented example", async () => {
    const signature = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';
    const result = await createGitHubVerifier({ secret: SECRET }).verifySignature({
      body: 'Hello, World!',
      headers: { 'x-hub-signature-256': signature, 'x-github-event': 'ping' },
    });
    expect(result).toMatchObject({ sender: 'github', timestamp: undefined, matchedSecret: { index: 0 } });
  });

  it('octokit accepts what the test signer signs, and hookverify what octokit signs', async () => {
    const signed = await signDelivery(github, { secret: SECRET, body: BODY, eventType: 'issues' });
    await expect(verify(SECRET, signed.body as string, signed.headers['x-hub-signature-256']!)).resolves.toBe(true);
    const headers = { 'X-Hub-Signature-256': await sign(SECRET, BODY), 'X-GitHub-Event': 'issues', 'X-GitHub-Delivery': 'guid-1' };
    const delivery = await createGitHubVerifier({ secret: SECRET }).verify({ body: BODY, headers });
    expect(delivery).toMatchObject({ sender: 'github', eventType: 'issues', id: digest(BODY), replayable: true, timestamp: undefined });
  });

  it('refuses a one-byte change of the body, and of the signature', async () => {
    const verifier = createGitHubVerifier({ secret: SECRET });
    const signature = await sign(SECRET, BODY);
    for (let at = 0; at < BODY.length; at += 5) {
      const body = BODY.slice(0, at) + String.fromCharCode(BODY.charCodeAt(at) ^ 1) + BODY.slice(at + 1);
      await expectCode(verifier, { body, headers: { 'x-hub-signature-256': signature, 'x-github-event': 'issues' } }, 'invalid_signature');
    }
    const flipped = signature.replace(/=(.)/, (_m, c: string) => `=${c === 'a' ? 'b' : 'a'}`);
    await expectCode(verifier, { body: BODY, headers: { 'x-hub-signature-256': flipped, 'x-github-event': 'issues' } }, 'invalid_signature');
  });
});

describe('github: what the scheme leaves unsigned', () => {
  it('is replayable, and says so, so the sender is received with dedupe', async () => {
    expect(github.replayProtection).toBe('none');
    const signed = await signDelivery(github, { secret: SECRET, body: BODY, eventType: 'issues' });
    // A year later, the same bytes still verify: nothing bounds a replay in time.
    const later = createGitHubVerifier({ secret: SECRET, now: () => Date.now() + 365 * 86_400_000 });
    await expect(later.verify(signed)).resolves.toMatchObject({ replayable: true });
  });

  it('dedupes on the body digest, which a new delivery GUID or event header does not change', async () => {
    const verifier = createGitHubVerifier({ secret: SECRET });
    const signature = await sign(SECRET, BODY);
    const ids = new Set<string | undefined>();
    for (const [guid, event] of [['guid-1', 'issues'], ['guid-2', 'issues'], ['guid-3', 'delete']]) {
      const delivery = await verifier.verify({ body: BODY, headers: { 'x-hub-signature-256': signature, 'x-github-delivery': guid!, 'x-github-event': event! } });
      ids.add(delivery.id);
    }
    expect([...ids]).toEqual([digest(BODY)]);
    expect(github.id).toMatchObject({ kind: 'body-digest' });
  });

  it('reads the event type from x-github-event, unsigned and accepted by name, and needs it', async () => {
    expect(github).toMatchObject({ eventType: { kind: 'header', name: 'x-github-event' }, unsignedEventTypeAllowsRelabeling: true });
    const signature = await sign(SECRET, BODY);
    const outcome = await expectCode(createGitHubVerifier({ secret: SECRET }), { body: BODY, headers: { 'x-hub-signature-256': signature } }, 'missing_header');
    expect(outcome.message).toContain('x-github-event');
  });
});
