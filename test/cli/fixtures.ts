import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { CliResult } from './run-cli.js';

/** Secrets in each sender's dashboard format, passed to the CLI through the environment. */
export const SECRETS = {
  PERIDIO_SECRET: '5F2D0B5C4A1E49E6B0A6C3D1E2F40718',
  OTHER_PERIDIO_SECRET: 'A0B1C2D3E4F5061728394A5B6C7D8E9F',
  EDGESENSE_SECRET: 'edgesense-shared-secret',
  SW_SECRET: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
} as const;

/** A fresh folder for the files one test writes. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'hookverify-cli-'));
}

export function writeTemp(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** No secret may appear in anything the CLI prints, whatever happened. */
export function expectNoSecret(result: CliResult): void {
  for (const secret of Object.values(SECRETS)) {
    expect(result.stdout).not.toContain(secret);
    expect(result.stderr).not.toContain(secret);
    // Hex secrets are also not printed in the other case.
    expect(result.stdout.toLowerCase()).not.toContain(secret.toLowerCase());
  }
}

/** Splits `sign` output (headers, an empty line, the body) as `verify --request` would. */
export function splitSigned(stdout: string): { headers: Record<string, string>; body: string } {
  const [head, ...rest] = stdout.split('\n\n');
  const headers: Record<string, string> = {};
  for (const line of head!.split('\n')) {
    const colon = line.indexOf(': ');
    headers[line.slice(0, colon)] = line.slice(colon + 2);
  }
  return { headers, body: rest.join('\n\n').replace(/\n$/, '') };
}
