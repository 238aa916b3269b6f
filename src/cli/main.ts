import { HookverifyError } from '../core/errors.js';
import { CliError, EXIT_CODES } from './cli-error.js';
import type { Command } from './command.js';
import { schemasCommand } from './commands/schemas.js';
import { sendCommand } from './commands/send.js';
import { signCommand } from './commands/sign.js';
import { verifyCommand } from './commands/verify.js';
import type { Output } from './output.js';

const COMMANDS: readonly Command[] = [signCommand, sendCommand, verifyCommand, schemasCommand];

function usage(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return `Usage: hookverify <command> [options]

Sign, send and verify test webhook deliveries offline, explain why a delivery is refused, and
print the JSON Schemas of events. Senders: peridio, edgesense, standard-webhooks, stripe, github.

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n')}

Run \`hookverify <command> --help\` for a command's options.

Exit codes: 0 success; 1 the check failed (verify: refused; send: a non-2xx answer);
2 usage error; 3 unreadable input, undecodable secret or unwritable output; 4 network error
(send: no answer); 70 internal error (a bug: please report it).`;
}

// Enough of a stack to locate a bug in a report, not a screenful.
const STACK_FRAMES = 8;

function describeInternal(error: unknown): string {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const frames = error instanceof Error ? (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).slice(0, STACK_FRAMES) : [];
  return [
    `internal error: ${what}`,
    'This is a bug in hookverify: please report it with the command you ran (never a secret) and these lines.',
    ...frames.map((frame) => `  ${frame.trim()}`),
  ].join('\n');
}

/** Prints an error that ended a command, as text or JSON on stderr; resolves to its exit code. */
export function reportError(error: unknown, output: Output, json: boolean): number {
  let code: string;
  let exitCode: number;
  let message: string;
  if (error instanceof CliError) {
    ({ code, exitCode, message } = error);
  } else if (error instanceof HookverifyError) {
    // Library errors reaching here come from what the user gave (a secret, an option).
    code = error.code;
    exitCode = EXIT_CODES.input;
    message = error.message;
  } else {
    code = 'internal';
    exitCode = EXIT_CODES.internal;
    message = describeInternal(error);
  }
  if (json) output.err(JSON.stringify({ ok: false, error: { code, message } }));
  else output.err(`hookverify: ${message}`);
  return exitCode;
}

function unknownCommand(name: string, output: Output): number {
  output.err(`hookverify: unknown command ${JSON.stringify(name)}\n\n${usage()}`);
  return EXIT_CODES.usage;
}

/** Runs the executable with the arguments after `node index.js`; resolves to the exit code. */
export async function main(argv: readonly string[], output: Output, version: string): Promise<number> {
  const [name, ...rest] = argv;
  const json = rest.includes('--json');
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const command = COMMANDS.find((candidate) => candidate.name === rest[0]);
    if (!command && rest[0] !== undefined && !rest[0].startsWith('-')) return unknownCommand(rest[0], output);
    output.out(command ? command.help : usage());
    return EXIT_CODES.ok;
  }
  if (name === '--version' || name === '-v') {
    output.out(version);
    return EXIT_CODES.ok;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) return unknownCommand(name, output);
  if (rest.includes('--help') || rest.includes('-h')) {
    output.out(command.help);
    return EXIT_CODES.ok;
  }
  try {
    return await command.run(rest, output);
  } catch (error) {
    return reportError(error, output, json);
  }
}
