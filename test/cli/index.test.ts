import { accessSync, constants, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
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
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
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
      error: { code: 'usage', message: 'unknown sender "acme"; expected one of peridio, edgesense, standard-webhooks, or a sender module\'s path' },
    });
  });
});
