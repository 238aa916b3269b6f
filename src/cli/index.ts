#!/usr/bin/env node
// The `hookverify` executable (package.json "bin"). Node-only, unlike the library entries.
import { EXIT_CODES } from './cli-error.js';
import { main, reportError } from './main.js';
import { createOutput } from './output.js';
import { packageRoot } from './package-root.js';

const argv = process.argv.slice(2);
const output = createOutput();

// Every way out has a documented exit code (cli-error.ts): nothing leaves through Node's own
// uncaught-exception exit (1, which scripts would read as "the check failed") or a bare stack.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    // A reader that stops early (`hookverify schemas peridio | head`) closes the pipe: stop
    // quietly, as other command-line tools do.
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_CODES.ok);
    if (stream === process.stdout) {
      try {
        process.stderr.write(`hookverify: cannot write the output: ${error.code ?? error.message}\n`);
      } catch {
        // stderr is gone too: the exit code is all that is left to say it.
      }
    }
    process.exit(EXIT_CODES.input);
  });
}
const internal = (error: unknown): never => process.exit(reportError(error, output, argv.includes('--json')));
process.on('uncaughtException', internal);
process.on('unhandledRejection', internal);

const code = await main(argv, output, packageRoot()?.version ?? 'unknown');
// Let pending writes to a pipe finish instead of cutting them off with process.exit().
process.exitCode = code;
