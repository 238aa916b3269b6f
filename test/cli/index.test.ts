import { execFile } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../../src/cli/cli-error.js';
import { SECRETS, tempDir, writeTemp } from './fixtures.js';
import { CLI, ensureBuiltCli, runCli } from './run-cli.js';

beforeAll(() => ensureBuiltCli(), 120_000);

describe('the hookverify executable', () => {
  it('is the package bin, starts with a shebang and is executable', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin).toEqual({ hookverify: 'dist/cli/index.js' });
    expect(readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(() => accessSync(CLI, constants.X_OK)).not.toThrow();
  });

  it('lists the commands and the exit codes without arguments', async () => {
    const result = await runCli([]);
    expect(result.code).toBe(0);
    for (const command of ['sign', 'send', 'verify', 'schemas']) expect(result.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(result.stdout).toContain('4 network error');
  });

  it.each(['sign', 'send', 'verify', 'schemas'])('%s --help prints its usage on stdout and exits 0', async (command) => {
    const result = await runCli([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: hookverify ${command} `));
    expect(result.stdout).toContain('Exit codes:');
    expect(result.stderr).toBe('');
    expect((await runCli(['help', command])).stdout).toBe(result.stdout);
  });

  it('prints the package version', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect((await runCli(['--version'])).stdout.trim()).toBe(version);
  });

  it('stops quietly when its reader has already closed the pipe', async () => {
    // `true` exits at once, so every write meets a closed pipe (EPIPE).
    const script = `${process.execPath} ${CLI} schemas peridio --list | true; echo "status=\${PIPESTATUS[0]}"`;
    const { stdout, stderr } = await promisify(execFile)('bash', ['-c', script]);
    expect(stdout).toBe('status=0\n');
    expect(stderr).toBe('');
  });

  it('an unknown command is a usage error (2) on stderr', async () => {
    const result = await runCli(['sigh']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('unknown command "sigh"');
  });

  it('an unknown option is a usage error that points at the command help', async () => {
    const result = await runCli(['verify', 'peridio', '--bdy', 'x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^hookverify: Unknown option '--bdy' \(see hookverify verify --help\)\n$/);
  });

  it('with --json, errors are JSON on stderr', async () => {
    const result = await runCli(['sign', 'acme', '--json', '--secret-env', 'NOPE']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stderr)).toEqual({
      ok: false,
      error: { code: 'usage', message: 'unknown sender "acme"; expected one of peridio, edgesense, standard-webhooks, stripe, github, or a sender module\'s path' },
    });
  });

  describe('every way out has a documented exit code (issue #11, item 6)', () => {
    it('the codes in the source are the ones --help and the README list', async () => {
      expect(EXIT_CODES).toEqual({ ok: 0, failed: 1, usage: 2, input: 3, network: 4, internal: 70 });
      const help = (await runCli(['--help'])).stdout;
      const readme = /Exit codes \(also in `hookverify --help`\): ([^]*?)\.\n/.exec(readFileSync('README.md', 'utf8'))?.[1]?.replace(/\s+/g, ' ');
      const listed = (text: string) => [...text.matchAll(/(?:^|; |\n)(\d+) /g)].map((match) => Number(match[1]));
      expect(listed(readme ?? '')).toEqual(Object.values(EXIT_CODES));
      expect(listed(help.slice(help.indexOf('Exit codes: ') + 'Exit codes: '.length))).toEqual(Object.values(EXIT_CODES));
      expect(readme).toContain('70 internal error (a bug: please report it)');
      for (const command of ['sign', 'send', 'verify', 'schemas']) {
        expect((await runCli([command, '--help'])).stdout).toContain('Any command: 3 when the output cannot be written, 70 on an internal error');
      }
    });

    it('help for an unknown command is a usage error (2), not a success', async () => {
      const result = await runCli(['help', 'sigh']);
      expect(result).toMatchObject({ code: 2, stdout: '' });
      expect(result.stderr).toContain('unknown command "sigh"');
    });

    it('output that cannot be written (a full disk) exits 3 with one line, not a stack trace', async () => {
      const script = `${process.execPath} ${CLI} schemas peridio > /dev/full; echo "status=$?"`;
      const { stdout, stderr } = await promisify(execFile)('bash', ['-c', script]);
      expect(stdout).toBe('status=3\n');
      expect(stderr).toBe('hookverify: cannot write the output: ENOSPC\n');
    });

    it('an unexpected exception exits 70 and asks for a bug report, as text and as JSON', async () => {
      // A sender module standing in for a bug: a sender whose secret encoding cannot be read.
      const module = writeTemp(
        tempDir(),
        'broken-sender.mjs',
        `export default { name: 'broken', signature: { header: 'x-sig', encoding: 'hex' }, signedContent: '{body}', signedParts: [{ kind: 'body' }],
          get secretEncoding() { throw new TypeError('simulated bug'); } };`,
      );
      const args = ['sign', module, '--body', '-', '--secret-env', 'PERIDIO_SECRET'];
      const text = await runCli(args, { env: SECRETS, input: '{}' });
      expect(text).toMatchObject({ code: 70, stdout: '' });
      expect(text.stderr).toMatch(
        /^hookverify: internal error: TypeError: simulated bug\nThis is a bug in hookverify: please report it with the command you ran \(never a secret\) and these lines\.\n {2}at /,
      );
      const json = await runCli([...args, '--json'], { env: SECRETS, input: '{}' });
      expect(json.code).toBe(70);
      expect(JSON.parse(json.stderr)).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/^internal error: TypeError: simulated bug\n/) } });
    });
  });
});
