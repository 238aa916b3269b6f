import { readFileSync } from 'node:fs';
import type { SecretInput } from '../core/secrets.js';
import { inputError, usageError } from './cli-error.js';
import type { Output } from './output.js';

/** The secret options every command that signs or verifies accepts. */
export const SECRET_OPTIONS = {
  'secret-env': { type: 'string', multiple: true },
  'secret-file': { type: 'string', multiple: true },
  secret: { type: 'string', multiple: true },
} as const;

export const SECRET_HELP = `Secrets (one or more; with several, as while a secret is rolled, sign and send add one
signature per secret and verify accepts any of them):
  --secret-env NAME    read the secret from environment variable NAME
  --secret-file PATH   read the secret from a file (one trailing newline is ignored)
  --secret VALUE       the secret itself: it lands in shell history and the process list`;

export interface SecretValues {
  readonly 'secret-env'?: string[] | undefined;
  readonly 'secret-file'?: string[] | undefined;
  readonly secret?: string[] | undefined;
}

// Editors and `echo` add a final newline that is never part of the secret.
function stripFinalNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}

/**
 * Collects the secrets in the order given, labelled by where they came from (the label, never
 * the value, is what reports show), and registers each with the output so it is never printed.
 */
export function readSecrets(values: SecretValues, output: Output): SecretInput[] {
  const secrets: { secret: string; label: string }[] = [];
  for (const name of values['secret-env'] ?? []) {
    const value = process.env[name];
    if (value === undefined || value.length === 0) {
      throw inputError(`environment variable ${name} is not set or is empty`);
    }
    secrets.push({ secret: stripFinalNewline(value), label: `env:${name}` });
  }
  for (const path of values['secret-file'] ?? []) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw inputError(`cannot read secret file ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
    }
    const secret = stripFinalNewline(text);
    if (secret.length === 0) throw inputError(`secret file ${path} is empty`);
    secrets.push({ secret, label: `file:${path}` });
  }
  const flags = values.secret ?? [];
  if (flags.length > 0) {
    output.err(
      'warning: --secret leaves the secret in your shell history and the process list; prefer --secret-env or --secret-file',
    );
  }
  flags.forEach((secret, index) => secrets.push({ secret, label: flags.length === 1 ? '--secret' : `--secret #${index + 1}` }));
  if (secrets.length === 0) throw usageError('no secret given: pass --secret-env NAME or --secret-file PATH');
  for (const { secret } of secrets) output.addSecret(secret);
  return secrets;
}
