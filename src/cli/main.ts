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
print the JSON Schemas of events. Senders: peridio, edgesense, standard-webhooks.

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n')}

Run \`hookverify <command> --help\` for a command's options.

Exit codes: 0 success; 1 the check failed (verify: refused; send: a non-2xx answer);
2 usage error; 3 unreadable input or undecodable secret; 4 network error.`;
}

function report(error: unknown, output: Output, json: boolean): number {
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
    exitCode = 70;
    message = `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (json) output.err(JSON.stringify({ ok: false, error: { code, message } }));
  else output.err(`hookverify: ${message}`);
  return exitCode;
}

/** Runs the executable with the arguments after `node index.js`; resolves to the exit code. */
export async function main(argv: readonly string[], output: Output, version: string): Promise<number> {
  const [name, ...rest] = argv;
  const json = rest.includes('--json');
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const command = COMMANDS.find((candidate) => candidate.name === rest[0]);
    output.out(command ? command.help : usage());
    return EXIT_CODES.ok;
  }
  if (name === '--version' || name === '-v') {
    output.out(version);
    return EXIT_CODES.ok;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    output.err(`hookverify: unknown command ${JSON.stringify(name)}\n\n${usage()}`);
    return EXIT_CODES.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    output.out(command.help);
    return EXIT_CODES.ok;
  }
  try {
    return await command.run(rest, output);
  } catch (error) {
    return report(error, output, json);
  }
}
