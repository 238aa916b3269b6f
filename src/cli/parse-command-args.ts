import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from './cli-error.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every command takes (`--help` is answered before a command runs). */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
} as const;

/**
 * Parses a command's arguments strictly; a typo in an option or a surplus argument is a usage
 * error naming the command's --help rather than a stack trace.
 */
export function parseCommandArgs<const O extends Options>(command: string, args: readonly string[], options: O, maxPositionals = Infinity) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw usageError(`${message} (see hookverify ${command} --help)`);
  }
  if (parsed.positionals.length > maxPositionals) {
    throw usageError(`unexpected argument ${JSON.stringify(parsed.positionals[maxPositionals])} (see hookverify ${command} --help)`);
  }
  return parsed;
}

/** A whole positive number from an option, at most `max`, or a usage error. */
export function positiveInteger(value: string | undefined, option: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 1 || number > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? '>= 1' : `from 1 to ${max}`;
    throw usageError(`${option} must be a whole number ${range}, got ${JSON.stringify(value)}`);
  }
  return number;
}
