import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVerifier } from '../../../src/core/verifier.js';
import { edgesense } from '../../../src/senders/edgesense/sender.js';
import { peridio } from '../../../src/senders/peridio/sender.js';
import { github } from '../../../src/senders/github/sender.js';
import { standardWebhooks } from '../../../src/senders/standard-webhooks/sender.js';
import { stripe } from '../../../src/senders/stripe/sender.js';
import { expectNoSecret, SECRETS, splitSigned, tempDir, writeTemp } from '../fixtures.js';
import { ensureBuiltCli, runCli } from '../run-cli.js';

beforeAll(() => ensureBuiltCli(), 120_000);

const env = { ...SECRETS };

describe('hookverify sign', () => {
  it('signs a generated sample event (either subtype spelling) that the library verifies', async () => {
    const result = await runCli(['sign', 'peridio', 'device.release_changed', '--secret-env', 'PERIDIO_SECRET'], { env });
    expect(result.code).toBe(0);
    expectNoSecret(result);
    const { headers, body } = splitSigned(result.stdout);
    expect(Object.keys(headers)).toEqual(['content-type', 'peridio-published-at', 'peridio-signature', 'content-length']);
    expect(Number(headers['content-length'])).toBe(Buffer.byteLength(body));
    expect(JSON.parse(body)).toMatchObject({ type: 'device', data: { type: 'release_changed' } });
    const good = await createVerifier(peridio, { secret: SECRETS.PERIDIO_SECRET }).safeVerify({ body, headers });
    expect(good.ok).toBe(true);
    const wrong = await createVerifier(peridio, { secret: SECRETS.OTHER_PERIDIO_SECRET }).safeVerify({ body, headers });
    expect(wrong).toMatchObject({ ok: false, code: 'invalid_signature' });
  });

  it('signs a file byte for byte, a final newline included, and prints only the headers', async () => {
    const dir = tempDir();
    const bytes = '{"event":"device.data","timestamp":"2026-11-23T12:00:00Z","payload":{"t":1}}\n';
    const path = writeTemp(dir, 'body.json', bytes);
    const result = await runCli(['sign', 'edgesense', '--body', path, '--secret-env', 'EDGESENSE_SECRET'], { env });
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.map((line) => line.split(': ')[0])).toEqual(['content-type', 'x-edgesense-signature']);
    const headers = Object.fromEntries(lines.map((line) => line.split(': ') as [string, string]));
    const verifier = createVerifier(edgesense, { secret: SECRETS.EDGESENSE_SECRET, now: () => Date.parse('2026-11-23T12:00:00Z') });
    expect((await verifier.safeVerify({ body: bytes, headers })).ok).toBe(true);
    expect((await verifier.safeVerify({ body: bytes.trimEnd(), headers })).ok).toBe(false);
  });

  it('signs a 200 KB body nested 100,000 levels deep as bytes, never parsing it (issue #11, item 6)', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const path = writeTemp(tempDir(), 'deep.json', deep);
    const result = await runCli(['sign', 'edgesense', '--body', path, '--secret-env', 'EDGESENSE_SECRET', '--json'], { env });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const { headers } = JSON.parse(result.stdout) as { headers: Record<string, string> };
    const signature = await createVerifier(edgesense, { secret: SECRETS.EDGESENSE_SECRET }).verifySignature({ body: deep, headers });
    expect(signature).toMatchObject({ sender: 'edgesense', matchedSecret: { index: 0 } });
  });

  it('reads the body from stdin and prints JSON with --json', async () => {
    const body = '{"type":"user.created","timestamp":"2026-11-23T12:00:00Z","data":{}}';
    const result = await runCli(
      ['sign', 'standard-webhooks', '--body', '-', '--secret-env', 'SW_SECRET', '--json', '--id', 'msg_42', '--timestamp', '2026-11-23T12:00:00Z'],
      { env, input: body },
    );
    expect(result.code).toBe(0);
    expectNoSecret(result);
    const printed = JSON.parse(result.stdout) as { sender: string; event: null; headers: Record<string, string>; body: string };
    expect(printed).toMatchObject({ sender: 'standard-webhooks', event: null, body });
    expect(printed.headers['webhook-id']).toBe('msg_42');
    expect(printed.headers['webhook-timestamp']).toBe(String(Date.parse('2026-11-23T12:00:00Z') / 1000));
    const verifier = createVerifier(standardWebhooks, { secret: SECRETS.SW_SECRET, now: () => Date.parse('2026-11-23T12:01:00Z') });
    expect(await verifier.safeVerify({ body, headers: printed.headers })).toMatchObject({ ok: true, delivery: { id: 'msg_42' } });
  });

  // Issue #12: the composed built-ins sign on the command line as the others do.
  it('signs Stripe (header parameters) and GitHub (an event-type header) deliveries the library verifies', async () => {
    const stripeBody = '{"id":"evt_1","type":"invoice.paid"}';
    const signedStripe = await runCli(['sign', 'stripe', '--body', '-', '--secret-env', 'STRIPE_SECRET', '--json'], { env: { STRIPE_SECRET: 'whsec_cli' }, input: stripeBody });
    expect(signedStripe.code).toBe(0);
    const stripeHeaders = (JSON.parse(signedStripe.stdout) as { headers: Record<string, string> }).headers;
    expect(stripeHeaders['stripe-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    await expect(createVerifier(stripe, { secret: 'whsec_cli' }).verify({ body: stripeBody, headers: stripeHeaders })).resolves.toMatchObject({ id: 'evt_1', eventType: 'invoice.paid' });
    const signedGitHub = await runCli(['sign', 'github', 'push', '--secret-env', 'GITHUB_SECRET'], { env: { GITHUB_SECRET: 'gh-secret' } });
    expect(signedGitHub.code).toBe(0);
    const { headers, body } = splitSigned(signedGitHub.stdout);
    expect(headers['x-github-event']).toBe('push');
    await expect(createVerifier(github, { secret: 'gh-secret' }).verify({ body, headers })).resolves.toMatchObject({ eventType: 'push', replayable: true });
  });

  it('signs with every secret given, as a sender does while rolling its secret', async () => {
    const result = await runCli(['sign', 'peridio', '--secret-env', 'PERIDIO_SECRET', '--secret-env', 'OTHER_PERIDIO_SECRET'], { env });
    const { headers, body } = splitSigned(result.stdout);
    expect(headers['peridio-signature']!.split(',')).toHaveLength(2);
    for (const secret of [SECRETS.PERIDIO_SECRET, SECRETS.OTHER_PERIDIO_SECRET]) {
      expect((await createVerifier(peridio, { secret }).safeVerify({ body, headers })).ok).toBe(true);
    }
    expect(JSON.parse(body)).toMatchObject({ type: 'webhook', data: { type: 'test_fire' } });
  });

  it('--timestamp sets the time EdgeSense carries in its body, and is refused with a body file', async () => {
    const result = await runCli(['sign', 'edgesense', 'device.status', '--secret-env', 'EDGESENSE_SECRET', '--timestamp', '1763899200'], { env });
    const { headers, body } = splitSigned(result.stdout);
    expect(JSON.parse(body)).toMatchObject({ event: 'device.status', timestamp: '2025-11-23T12:00:00Z' });
    const verifier = createVerifier(edgesense, { secret: SECRETS.EDGESENSE_SECRET, now: () => 1763899200_000 });
    expect((await verifier.safeVerify({ body, headers })).ok).toBe(true);
    const refused = await runCli(['sign', 'edgesense', '--body', '-', '--secret-env', 'EDGESENSE_SECRET', '--timestamp', '1763899200'], { env, input: '{}' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('edgesense carries its time inside the body ("timestamp")');
  });

  describe('--curl', () => {
    let received: { headers: IncomingMessage['headers']; body: Buffer }[] = [];
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, body: Buffer.concat(chunks) });
        response.end('ok');
      });
    });
    let url = '';
    beforeAll(async () => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it.each([
      ['a sample event, inline', ['peridio', 'device.connected', '--secret-env', 'PERIDIO_SECRET'], peridio, SECRETS.PERIDIO_SECRET],
      ['a body with quotes and a newline, from a file', ['edgesense', '--body', 'FILE', '--secret-env', 'EDGESENSE_SECRET'], edgesense, SECRETS.EDGESENSE_SECRET],
    ] as const)('prints a curl command that delivers %s so that it verifies', async (_label, args, sender, secret) => {
      received = [];
      const file = writeTemp(tempDir(), "it's body.json", `{"event":"device.data","timestamp":"${new Date().toISOString()}","note":"it's \\"quoted\\""}\n`);
      const result = await runCli(['sign', ...args.map((arg) => (arg === 'FILE' ? file : arg)), '--curl', '--url', url], { env });
      expect(result.code).toBe(0);
      expectNoSecret(result);
      expect(result.stdout).toMatch(/^curl -sS -X POST /);
      await promisify(execFile)('sh', ['-c', result.stdout]);
      expect(received).toHaveLength(1);
      const headers = Object.fromEntries(Object.entries(received[0]!.headers).map(([k, v]) => [k, String(v)]));
      expect((await createVerifier(sender, { secret }).safeVerify({ body: received[0]!.body, headers })).ok).toBe(true);
    });
  });

  describe('errors', () => {
    it('an unknown event type is a usage error listing the catalog', async () => {
      const result = await runCli(['sign', 'peridio', 'device.exploded', '--secret-env', 'PERIDIO_SECRET'], { env });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('peridio has no event type "device.exploded"; one of: device.connected,');
    });

    it('an unset environment variable is an input error (3)', async () => {
      const result = await runCli(['sign', 'peridio', '--secret-env', 'HOOKVERIFY_TEST_UNSET']);
      expect(result).toMatchObject({ code: 3, stdout: '' });
      expect(result.stderr).toBe('hookverify: environment variable HOOKVERIFY_TEST_UNSET is not set or is empty\n');
    });

    it('a secret in the wrong encoding names where it came from, never its value', async () => {
      const result = await runCli(['sign', 'peridio', '--secret-env', 'EDGESENSE_SECRET'], { env });
      expect(result.code).toBe(3);
      expect(result.stderr).toBe('hookverify: the secret from env:EDGESENSE_SECRET is not at least 32 hex characters (Peridio shows 32)\n');
      expectNoSecret(result);
    });

    it('reads --secret-file without its final newline, and warns about --secret', async () => {
      const file = writeTemp(tempDir(), 'secret', `${SECRETS.PERIDIO_SECRET}\n`);
      const fromFile = await runCli(['sign', 'peridio', '--secret-file', file, '--json']);
      const signed = JSON.parse(fromFile.stdout) as { body: string; headers: Record<string, string> };
      expect((await createVerifier(peridio, { secret: SECRETS.PERIDIO_SECRET }).safeVerify(signed)).ok).toBe(true);
      const fromFlag = await runCli(['sign', 'peridio', '--secret', SECRETS.PERIDIO_SECRET]);
      expect(fromFlag.code).toBe(0);
      expect(fromFlag.stderr).toContain('warning: --secret leaves the secret in your shell history');
      expectNoSecret(fromFlag);
    });

    it('refuses --id for a sender without an id header, and a body together with an event type', async () => {
      expect((await runCli(['sign', 'peridio', '--id', 'x', '--secret-env', 'PERIDIO_SECRET'], { env })).code).toBe(2);
      expect((await runCli(['sign', 'peridio', 'device.connected', '--body', '-', '--secret-env', 'PERIDIO_SECRET'], { env })).code).toBe(2);
    });
  });
});
