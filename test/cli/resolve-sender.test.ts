import { beforeAll, describe, expect, it } from 'vitest';
import { createVerifier } from '../../src/core/verifier.js';
import { defineSender } from '../../src/core/sender.js';
import { splitSigned, tempDir, writeTemp } from './fixtures.js';
import { ensureBuiltCli, runCli } from './run-cli.js';

beforeAll(() => ensureBuiltCli(), 120_000);

const GITHUB = {
  name: 'github',
  signature: { header: 'x-hub-signature-256', encoding: 'hex', prefix: 'sha256=' },
  signedContent: '{body}',
  secretEncoding: 'utf8',
  // GitHub signs only the body: an id from its unsigned x-github-delivery header would let a replay through.
  id: { bodyDigest: 'sha256' },
} as const;
const env = { GITHUB_SECRET: 'github-webhook-secret' };

describe('a sender described in the user\'s own module', () => {
  it('signs and verifies with a plain description exported as default', async () => {
    const dir = tempDir();
    const module = writeTemp(dir, 'github-sender.mjs', `export default ${JSON.stringify(GITHUB)};\n`);
    const signed = await runCli(['sign', module, 'push', '--secret-env', 'GITHUB_SECRET'], { env });
    expect(signed.code).toBe(0);
    const { headers, body } = splitSigned(signed.stdout);
    expect(headers['x-hub-signature-256']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(JSON.parse(body)).toMatchObject({ type: 'push' });
    const delivery = await createVerifier(defineSender(GITHUB), { secret: env.GITHUB_SECRET }).verify({ body, headers });
    expect(delivery.id).toMatch(/^[0-9a-f]{64}$/);

    const request = writeTemp(dir, 'request.http', signed.stdout);
    const verified = await runCli(['verify', module, '--request', request, '--secret-env', 'GITHUB_SECRET', '--json'], { env });
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, sender: 'github', id: delivery.id });
    const wrong = await runCli(['verify', module, '--request', request, '--secret-env', 'OTHER', '--json'], { env: { OTHER: 'not-the-secret' } });
    expect(JSON.parse(wrong.stdout)).toMatchObject({ ok: false, step: 'signature', code: 'invalid_signature' });
  });

  it('refuses a description the library refuses, with its message (3)', async () => {
    const module = writeTemp(tempDir(), 'bad.mjs', `export const sender = ${JSON.stringify({ ...GITHUB, signedContent: 'no body here' })};\n`);
    const result = await runCli(['sign', module, '--secret-env', 'GITHUB_SECRET'], { env });
    expect(result).toMatchObject({ code: 3, stderr: 'hookverify: signedContent must contain {body} exactly once\n' });
  });

  it('a module without one description is a usage error; a missing one an input error', async () => {
    const empty = writeTemp(tempDir(), 'empty.mjs', 'export const answer = 42;\n');
    const none = await runCli(['verify', empty, '-H', 'a: b', '--body', empty, '--secret-env', 'GITHUB_SECRET'], { env });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('must export one sender description (as its default export); found 0');
    const missing = await runCli(['verify', './no-such-sender.mjs', '-H', 'a: b', '--body', empty, '--secret-env', 'GITHUB_SECRET'], { env });
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/^hookverify: cannot load the sender module \.\/no-such-sender\.mjs: /);
  });

  it('a bare unknown name is still a usage error, not a module load', async () => {
    const result = await runCli(['verify', 'shopify', '-H', 'a: b', '--body', '-', '--secret-env', 'GITHUB_SECRET'], { env, input: '{}' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown sender "shopify"');
  });
});
