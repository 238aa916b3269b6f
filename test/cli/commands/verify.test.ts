import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeHex, utf8 } from '../../../src/core/encoding.js';
import { edgesense } from '../../../src/senders/edgesense/sender.js';
import { peridio } from '../../../src/senders/peridio/sender.js';
import { samplePeridioEvent } from '../../../src/testing/sample-events.js';
import { signDelivery } from '../../../src/testing/sign-delivery.js';
import { expectNoSecret, SECRETS, tempDir, writeTemp } from '../fixtures.js';
import { ensureBuiltCli, runCli, type CliResult } from '../run-cli.js';

beforeAll(() => ensureBuiltCli(), 120_000);

const env = { ...SECRETS };
const hexKey = (secret: string) => decodeHex(secret)!;
const SIGNED_AT = Date.parse('2026-11-23T12:00:00Z');
const AT = '2026-11-23T12:00:00Z';

interface Verdict {
  ok: boolean;
  step?: string;
  code?: string;
  reasons: string[];
  hints: string[];
  details: Record<string, unknown>;
}

/** A Peridio delivery signed at 12:00:00Z, as captured files. */
async function captured(options: { body?: string | Uint8Array; signedBody?: string; secret?: string | Uint8Array; secrets?: string[] } = {}) {
  const event = samplePeridioEvent('device.release-changed');
  const secrets = options.secrets ?? [options.secret ?? SECRETS.PERIDIO_SECRET];
  const signed = await signDelivery(peridio, { secrets, body: options.signedBody ?? JSON.stringify(event), timestamp: SIGNED_AT });
  const dir = tempDir();
  return {
    dir,
    event,
    signedBody: signed.body as string,
    headers: signed.headers,
    headersFile: writeTemp(dir, 'headers.json', JSON.stringify(signed.headers)),
    bodyFile: writeTemp(dir, 'body.json', options.body ?? (signed.body as string)),
  };
}

async function verify(args: string[]): Promise<{ result: CliResult; verdict: Verdict }> {
  const result = await runCli(['verify', ...args, '--json'], { env });
  expectNoSecret(result);
  return { result, verdict: JSON.parse(result.stdout) as Verdict };
}

describe('hookverify verify', () => {
  it('accepts a delivery captured by sign --request, and reports the secret by where it came from', async () => {
    const signed = await runCli(['sign', 'peridio', 'device.updated', '--secret-env', 'PERIDIO_SECRET'], { env });
    const request = writeTemp(tempDir(), 'request.http', signed.stdout);
    const text = await runCli(['verify', 'peridio', '--request', request, '--secret-env', 'OTHER_PERIDIO_SECRET', '--secret-env', 'PERIDIO_SECRET'], { env });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^OK: the peridio delivery verifies\n {2}secret: {4}env:PERIDIO_SECRET \(2 of 2\)\n/);
    expect(text.stdout).toContain(`id:        ${JSON.parse(signed.stdout.split('\n\n')[1]!).prn}`);
    const { result, verdict } = await verify(['peridio', '--request', request, '--secret-env', 'PERIDIO_SECRET']);
    expect(result.code).toBe(0);
    expect(verdict).toMatchObject({ ok: true, matchedSecret: { index: 0, label: 'env:PERIDIO_SECRET' } });
  });

  it('a pretty-printed body: valid JSON but not its compact form, and the compact form verifies', async () => {
    const { headersFile, dir, event } = await captured();
    const pretty = writeTemp(dir, 'pretty.json', JSON.stringify(event, null, 2));
    const { result, verdict } = await verify(['peridio', '--headers', headersFile, '--body', pretty, '--secret-env', 'PERIDIO_SECRET', '--now', AT]);
    expect(result.code).toBe(1);
    expect(verdict).toMatchObject({ ok: false, step: 'signature', code: 'invalid_signature' });
    expect(verdict.details).toMatchObject({ signatures: 1, secrets: 1, bodyIsJson: true, bodyDiffersFromCompact: true });
    expect(verdict.details['matchingBodyVariant']).toMatch(/^the compact JSON form/);
    expect(verdict.reasons[0]).toMatch(/^the compact JSON form of the body .* verifies: the bytes checked are not the bytes that were signed/);
    expect(verdict.reasons[1]).toBe('the one signature in peridio-signature does not match the secret given');
    expect(verdict.reasons[2]).toMatch(/^the body is valid JSON but not byte-identical to its compact form \(\d+ bytes, compact \d+; first difference at byte 1\)/);
  });

  it('a body saved with a final newline: the body without it verifies', async () => {
    const { headersFile, signedBody, dir } = await captured();
    const saved = writeTemp(dir, 'saved.json', `${signedBody}\n`);
    const { verdict } = await verify(['peridio', '--headers', headersFile, '--body', saved, '--secret-env', 'PERIDIO_SECRET', '--now', AT]);
    expect(verdict.details['matchingBodyVariant']).toBe('the body without its final newline');
    expect(verdict.reasons[0]).toBe(
      'the body ends with a newline the sender did not sign: without it, it verifies. An editor or `echo` adds one when a body is saved',
    );
  });

  describe('the likeliest cause is said first (issue #11, item 20)', () => {
    it('a body missing the final newline the sender signed: that, and no word of re-serialization', async () => {
      // A sender writing indented JSON with a final newline (as Python's json.dump and most editors do).
      const event = samplePeridioEvent('device.release-changed');
      const sent = `${JSON.stringify(event, null, 2)}\n`;
      const { headersFile, dir } = await captured({ signedBody: sent });
      const stripped = writeTemp(dir, 'stripped.json', sent.slice(0, -1));
      const { result, verdict } = await verify(['peridio', '--headers', headersFile, '--body', stripped, '--secret-env', 'PERIDIO_SECRET', '--now', AT]);
      expect(result.code).toBe(1);
      expect(verdict.reasons[0]).toBe('the body lacks the final newline the sender signed: with it, it verifies. Did an editor or the capture strip it?');
      expect(verdict.details['matchingBodyVariant']).toBe('the body with a final newline added');
      expect(verdict.reasons.join('\n')).not.toMatch(/re-serializ/);
      expect(verdict.hints).toEqual(["save the body exactly as received (curl -o FILE, or the proxy's raw capture), not through an editor or the clipboard"]);
      const text = await runCli(['verify', 'peridio', '--headers', headersFile, '--body', stripped, '--secret-env', 'PERIDIO_SECRET', '--now', AT], { env });
      expect(text.stdout.split('\n')[1]).toBe('  - the body lacks the final newline the sender signed: with it, it verifies. Did an editor or the capture strip it?');
    });

    it('a body file of 0 bytes: the empty file leads, not the secret; exit 1 (refused)', async () => {
      const { headersFile, dir } = await captured();
      const empty = writeTemp(dir, 'empty.json', '');
      const { result, verdict } = await verify(['peridio', '--headers', headersFile, '--body', empty, '--secret-env', 'PERIDIO_SECRET', '--now', AT]);
      expect(result.code).toBe(1);
      expect(verdict).toMatchObject({ step: 'signature', code: 'invalid_signature', details: { bodyBytes: 0 } });
      expect(verdict.reasons[0]).toBe(
        `the body file ${empty} is empty (0 bytes), so no signature over the body the sender sent can match it: was the capture cut short, or is this the wrong file?`,
      );
      expect(verdict.hints.join('\n')).not.toMatch(/check the secret/);
      const text = await runCli(['verify', 'peridio', '--headers', headersFile, '--body', '-', '--secret-env', 'PERIDIO_SECRET', '--now', AT], { env, input: '' });
      expect(text.code).toBe(1);
      expect(text.stdout.split('\n')[1]).toMatch(/^ {2}- the body read from stdin is empty \(0 bytes\), so no signature/);
    });

    it('an empty body that the sender did sign is not JSON: said at the body step', async () => {
      const signed = await signDelivery(edgesense, { secret: SECRETS.EDGESENSE_SECRET, body: '' });
      const dir = tempDir();
      const empty = writeTemp(dir, 'empty.json', '');
      const { verdict } = await verify(['edgesense', '--headers', writeTemp(dir, 'h.json', JSON.stringify(signed.headers)), '--body', empty, '--secret-env', 'EDGESENSE_SECRET']);
      expect(verdict).toMatchObject({ step: 'body', code: 'invalid_body' });
      expect(verdict.reasons).toEqual(['the signature is valid', `the body file ${empty} is empty (0 bytes): the sender signed an empty body, which is not JSON`]);
    });

    it('a secret in the wrong encoding leads over the facts about the body', async () => {
      const { headersFile, bodyFile } = await captured({ secret: utf8(SECRETS.PERIDIO_SECRET) });
      const { verdict } = await verify(['peridio', '--headers', headersFile, '--body', bodyFile, '--secret-env', 'PERIDIO_SECRET', '--now', AT]);
      expect(verdict.reasons[0]).toMatch(/^the signature matches when env:PERIDIO_SECRET is used as its UTF-8 text/);
    });
  });

  it('the wrong secrets: how many signatures the header held, how many secrets, nothing else matches', async () => {
    const { headersFile, bodyFile } = await captured({ secrets: [SECRETS.PERIDIO_SECRET, SECRETS.OTHER_PERIDIO_SECRET] });
    const wrong = { WRONG_1: '00112233445566778899AABBCCDDEEFF', WRONG_2: 'FFEEDDCCBBAA99887766554433221100' };
    const result = await runCli(
      ['verify', 'peridio', '--headers', headersFile, '--body', bodyFile, '--secret-env', 'WRONG_1', '--secret-env', 'WRONG_2', '--now', AT, '--json'],
      { env: wrong },
    );
    expect(result.code).toBe(1);
    const verdict = JSON.parse(result.stdout) as Verdict;
    expect(verdict.reasons[0]).toBe('none of the 2 signatures in peridio-signature matches any of the 2 secrets given');
    expect(verdict.details).toMatchObject({ signatures: 2, secrets: 2, bodyDiffersFromCompact: false, matchingBodyVariant: null, secretMistake: null });
    expect(verdict.hints).toContain('two signatures means the sender is rolling its secret: either the old or the new secret should match');
    for (const secret of Object.values(wrong)) expect(result.stdout + result.stderr).not.toContain(secret);
  });

  it('a sender keying HMAC with the secret text instead of its hex-decoded bytes is recognised', async () => {
    const { headersFile, bodyFile } = await captured({ secret: utf8(SECRETS.PERIDIO_SECRET) });
    const { verdict } = await verify(['peridio', '--headers', headersFile, '--body', bodyFile, '--secret-env', 'PERIDIO_SECRET', '--now', AT]);
    expect(verdict.details['secretMistake']).toBe('encoding');
    expect(verdict.reasons).toContain(
      "the signature matches when env:PERIDIO_SECRET is used as its UTF-8 text instead of hex-decoded bytes, as peridio specifies: the sender is set up differently from peridio's scheme",
    );
  });

  it('a signature over the body alone, without the signed headers, is recognised', async () => {
    const { signedBody, dir } = await captured();
    const bodyOnly = await signDelivery(edgesense, { secret: hexKey(SECRETS.PERIDIO_SECRET), body: signedBody });
    const headers = { 'peridio-published-at': AT, 'peridio-signature': bodyOnly.headers['x-edgesense-signature']! };
    const { verdict } = await verify(['peridio', '--headers', writeTemp(dir, 'h.json', JSON.stringify(headers)), '--body', writeTemp(dir, 'b.json', signedBody), '--secret-env', 'PERIDIO_SECRET', '--now', AT]);
    expect(verdict.details).toMatchObject({ signsBodyAlone: true, secretMistake: null, matchingBodyVariant: null });
    expect(verdict.reasons).toContain("the signature covers the body alone, without peridio-published-at: the sender signs differently from peridio's scheme");
  });

  it('a UTF-8 secret pasted with a trailing space is recognised', async () => {
    const body = `{"event":"device.data","timestamp":"${AT}","deviceId":"n1","payload":{}}`;
    const signed = await signDelivery(edgesense, { secret: SECRETS.EDGESENSE_SECRET, body });
    const dir = tempDir();
    const result = await runCli(
      ['verify', 'edgesense', '--headers', writeTemp(dir, 'h.json', JSON.stringify(signed.headers)), '--body', writeTemp(dir, 'b.json', body), '--secret-env', 'PASTED', '--now', AT, '--json'],
      { env: { PASTED: `${SECRETS.EDGESENSE_SECRET} ` } },
    );
    const verdict = JSON.parse(result.stdout) as Verdict;
    expect(verdict.details['secretMistake']).toBe('whitespace');
    expect(verdict.reasons).toContain('the signature matches once the whitespace around env:PASTED is removed: it was copied with surrounding spaces or a line break');
    expectNoSecret(result);
  });

  describe('the replay window', () => {
    it('too old: by how much, in which direction, and that the signature itself holds', async () => {
      const { headersFile, bodyFile } = await captured();
      const { result, verdict } = await verify(['peridio', '--headers', headersFile, '--body', bodyFile, '--secret-env', 'PERIDIO_SECRET', '--now', '2026-11-23T12:12:30Z']);
      expect(result.code).toBe(1);
      expect(verdict).toMatchObject({ step: 'replay-window', code: 'timestamp_too_old' });
      expect(verdict.details).toMatchObject({ skewMs: 750_000, beyondWindowMs: 450_000, direction: 'past', signatureValidIgnoringWindow: true });
      expect(verdict.reasons).toEqual([
        'the peridio-published-at header (2026-11-23T12:00:00Z) is 12m 30s before now (2026-11-23T12:12:30Z): 7m 30s too old for the 5m replay window',
        'the signature itself is valid: only the time is wrong',
      ]);
      expect(verdict.hints).toContain('if this is a delivery captured earlier, check it as of its arrival: --now 2026-11-23T12:00:00Z');
    });

    it('in the future, against a custom tolerance, and what would fail next', async () => {
      const { headersFile, bodyFile } = await captured();
      const { verdict } = await verify(['peridio', '--headers', headersFile, '--body', bodyFile, '--secret-env', 'OTHER_PERIDIO_SECRET', '--now', '2026-11-23T11:58:00Z', '--tolerance', '90s']);
      expect(verdict).toMatchObject({ code: 'timestamp_in_future', details: { skewMs: -120_000, beyondWindowMs: 30_000, direction: 'future', signatureValidIgnoringWindow: false } });
      expect(verdict.reasons[0]).toBe(
        'the peridio-published-at header (2026-11-23T12:00:00Z) is 2m after now (2026-11-23T11:58:00Z): 30s too far in the future for the 1m 30s replay window',
      );
      expect(verdict.details['then']).toMatchObject({ step: 'signature', code: 'invalid_signature' });
      expect(verdict.hints[0]).toMatch(/clock is behind/);
    });

    it("an EdgeSense timestamp inside the body is explained the same way, against EdgeSense's one-day window", async () => {
      const body = '{"event":"device.data","timestamp":"2026-11-21T11:00:00Z","deviceId":"n1","payload":{}}';
      const signed = await signDelivery(edgesense, { secret: SECRETS.EDGESENSE_SECRET, body });
      const dir = tempDir();
      const { verdict } = await verify(['edgesense', '--headers', writeTemp(dir, 'h.json', JSON.stringify(signed.headers)), '--body', writeTemp(dir, 'b.json', body), '--secret-env', 'EDGESENSE_SECRET', '--now', AT]);
      expect(verdict).toMatchObject({ code: 'timestamp_too_old', details: { direction: 'past', skewMs: 49 * 3_600_000, beyondWindowMs: 25 * 3_600_000 } });
      expect(verdict.reasons[0]).toBe(
        'the body\'s "timestamp" field (2026-11-21T11:00:00Z) is 2d 1h before now (2026-11-23T12:00:00Z): 1d 1h too old for the 1d replay window',
      );
    });
  });

  describe('headers', () => {
    it('names each missing header and what it is for, from -H options', async () => {
      const { bodyFile, headers } = await captured();
      const { result, verdict } = await verify(['peridio', '-H', `Peridio-Signature: ${headers['peridio-signature']}`, '--body', bodyFile, '--secret-env', 'PERIDIO_SECRET']);
      expect(result.code).toBe(1);
      expect(verdict).toMatchObject({ step: 'headers', code: 'missing_header', details: { missingHeaders: ['peridio-published-at'], presentHeaders: ['peridio-signature'] } });
      expect(verdict.reasons).toEqual(['the peridio-published-at header is missing (it carries the signing time, which is part of the signed content)']);
    });

    it('recognises another sender from its signature header', async () => {
      const { headersFile, bodyFile } = await captured();
      const { verdict } = await verify(['standard-webhooks', '--headers', headersFile, '--body', bodyFile, '--secret-env', 'SW_SECRET']);
      expect(verdict.details['missingHeaders']).toEqual(['webhook-signature', 'webhook-timestamp', 'webhook-id']);
      expect(verdict.hints).toContain('the delivery carries the signature header of peridio: try `hookverify verify peridio`');
    });

    it('reads raw header lines as curl -v prints them, with CRLF and a request line', async () => {
      const { headers, bodyFile, dir } = await captured();
      const lines = ['> POST /webhooks HTTP/1.1', '> Host: 127.0.0.1', ...Object.entries(headers).map(([k, v]) => `> ${k}: ${v}`), '>', ''].join('\r\n');
      const { result } = await verify(['peridio', '--headers', writeTemp(dir, 'headers.txt', lines), '--body', bodyFile, '--secret-env', 'PERIDIO_SECRET', '--now', AT]);
      expect(result.code).toBe(0);
    });

    it('a signature of the wrong length, a header sent twice and a Unix time where RFC 3339 belongs', async () => {
      const { headers, bodyFile } = await captured();
      const short = await verify(['peridio', '-H', `peridio-signature: ${'AB'.repeat(20)}`, '-H', `peridio-published-at: ${AT}`, '--body', bodyFile, '--secret-env', 'PERIDIO_SECRET']);
      expect(short.verdict).toMatchObject({ step: 'header-format', code: 'malformed_header' });
      expect(short.verdict.reasons).toEqual([
        'peridio-signature: the signature decodes to 20 bytes, not the 32 of an HMAC-SHA256 (64 hex characters); is it a SHA-1 or a truncated value?',
      ]);
      const twice = await verify(['peridio', '-H', `peridio-signature: ${headers['peridio-signature']}`, '-H', 'peridio-published-at: 2026-11-23T12:00:00Z', '-H', 'peridio-published-at: 2026-11-23T12:00:01Z', '--body', bodyFile, '--secret-env', 'PERIDIO_SECRET']);
      expect(twice.verdict.reasons).toEqual(['the peridio-published-at header was sent 2 times; it must be sent once']);
      const unix = await verify(['peridio', '-H', `peridio-signature: ${headers['peridio-signature']}`, '-H', 'peridio-published-at: 1763899200', '--body', bodyFile, '--secret-env', 'PERIDIO_SECRET']);
      expect(unix.verdict.reasons).toEqual([
        'the peridio-published-at header: "1763899200" is not an RFC 3339 date-time such as 2026-11-23T12:00:00Z; it looks like a Unix time',
      ]);
    });
  });

  it('a signed body that is not JSON fails at the body step, after the signature held', async () => {
    const signed = await signDelivery(edgesense, { secret: SECRETS.EDGESENSE_SECRET, body: 'temperature=75.3' });
    const dir = tempDir();
    const { verdict } = await verify(['edgesense', '--headers', writeTemp(dir, 'h.json', JSON.stringify(signed.headers)), '--body', writeTemp(dir, 'b.txt', 'temperature=75.3'), '--secret-env', 'EDGESENSE_SECRET']);
    expect(verdict).toMatchObject({ step: 'body', code: 'invalid_body' });
    expect(verdict.reasons[0]).toBe('the signature is valid');
    expect(verdict.reasons[1]).toMatch(/^the body is not JSON: /);
  });

  it('a body over --max-body-bytes fails first, with both sizes', async () => {
    const { headersFile, bodyFile, signedBody } = await captured();
    const { verdict } = await verify(['peridio', '--headers', headersFile, '--body', bodyFile, '--secret-env', 'PERIDIO_SECRET', '--max-body-bytes', '100']);
    expect(verdict).toMatchObject({ step: 'body-size', code: 'body_too_large', reasons: [`the body is ${Buffer.byteLength(signedBody)} bytes, over the 100-byte limit (--max-body-bytes)`] });
  });

  it('prints the diagnosis as text by default', async () => {
    const { headersFile, dir, event } = await captured();
    const result = await runCli(['verify', 'peridio', '--headers', headersFile, '--body', writeTemp(dir, 'p.json', JSON.stringify(event, null, 4)), '--secret-env', 'PERIDIO_SECRET', '--now', AT], { env });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAILED at the signature step \(invalid_signature\): /);
    expect(result.stdout).toContain('\n  - the body is valid JSON but not byte-identical to its compact form');
    expect(result.stdout).toContain('\n  hint: verify the raw request bytes');
  });

  describe('a 200 KB body nested 100,000 levels deep (issue #11, item 6)', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;

    it('verifies (exit 0) when signed with the secret given', async () => {
      const { headersFile, bodyFile } = await captured({ body: deep, signedBody: deep });
      const { result, verdict } = await verify(['peridio', '--headers', headersFile, '--body', bodyFile, '--secret-env', 'PERIDIO_SECRET', '--now', AT]);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(verdict.ok).toBe(true);
    });

    it('refused (exit 1): the explanation says the nesting is too deep to try re-serializations', async () => {
      const { headersFile, bodyFile } = await captured({ body: deep, signedBody: deep, secret: SECRETS.OTHER_PERIDIO_SECRET });
      const { result, verdict } = await verify(['peridio', '--headers', headersFile, '--body', bodyFile, '--secret-env', 'PERIDIO_SECRET', '--now', AT]);
      expect(result).toMatchObject({ code: 1, stderr: '' });
      expect(verdict).toMatchObject({ ok: false, step: 'signature', code: 'invalid_signature', details: { bodyIsJson: true, bodyNestingDepth: 100_000 } });
      expect(verdict.reasons).toContain(
        'the body nests 100000 levels deep, past the 1000 levels to which its compact and indented JSON forms are tried: those re-serializations were not checked',
      );
      const text = await runCli(['verify', 'peridio', '--headers', headersFile, '--body', bodyFile, '--secret-env', 'PERIDIO_SECRET', '--now', AT], { env });
      expect(text).toMatchObject({ code: 1, stderr: '' });
      expect(text.stdout).toMatch(/^FAILED at the signature step \(invalid_signature\): /);
    });

    it('an EdgeSense body, whose timestamp is read from inside it, is explained too', async () => {
      const body = `{"event":"device.data","timestamp":"${AT}","deviceId":"n1","payload":${deep}}`;
      const signed = await signDelivery(edgesense, { secret: SECRETS.EDGESENSE_SECRET, body });
      const dir = tempDir();
      const args = ['edgesense', '--headers', writeTemp(dir, 'h.json', JSON.stringify(signed.headers)), '--body', writeTemp(dir, 'b.json', body), '--now', AT];
      expect((await verify([...args, '--secret-env', 'EDGESENSE_SECRET'])).result.code).toBe(0);
      const refused = await verify([...args, '--secret-env', 'PERIDIO_SECRET']);
      expect(refused.result).toMatchObject({ code: 1, stderr: '' });
      expect(refused.verdict.details['bodyNestingDepth']).toBe(100_001);
    });
  });

  it("the README's transcript is what verify prints for a pretty-printed body", async () => {
    const readme = readFileSync('README.md', 'utf8');
    const transcript = /```text\n\$ npx hookverify verify peridio --headers headers.txt --body body.json [^\n]*\n([^]*?)```/.exec(readme)?.[1];
    expect(transcript).toBeDefined();
    const { headers, dir, event } = await captured();
    const headersFile = writeTemp(dir, 'headers.txt', Object.entries(headers).map(([name, value]) => `${name}: ${value}`).join('\n'));
    const result = await runCli(['verify', 'peridio', '--headers', headersFile, '--body', writeTemp(dir, 'body.json', JSON.stringify(event, null, 2)), '--secret-env', 'PERIDIO_SECRET', '--now', AT], { env });
    const printed = result.stdout.trimEnd().split('\n');
    const shown = transcript!.trimEnd().split('\n');
    expect(printed).toHaveLength(shown.length);
    // The README cuts long lines short with "...".
    shown.forEach((line, index) => (line.endsWith(' ...') ? expect(printed[index]!.startsWith(line.slice(0, -3))).toBe(true) : expect(printed[index]).toBe(line)));
  });

  it('usage and input errors: no body (2), an unreadable file (3)', async () => {
    const missingBody = await runCli(['verify', 'peridio', '-H', 'a: b', '--secret-env', 'PERIDIO_SECRET'], { env });
    expect(missingBody).toMatchObject({ code: 2, stdout: '' });
    const unreadable = await runCli(['verify', 'peridio', '-H', 'a: b', '--body', '/nonexistent/body.json', '--secret-env', 'PERIDIO_SECRET'], { env });
    expect(unreadable).toMatchObject({ code: 3, stderr: 'hookverify: cannot read the body from /nonexistent/body.json: ENOENT\n' });
  });
});
