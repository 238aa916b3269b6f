#!/usr/bin/env node
// The `hookverify` executable (package.json "bin"). Node-only, unlike the library entries.
import { main } from './main.js';
import { createOutput } from './output.js';
import { packageRoot } from './package-root.js';

// A reader that stops early (`hookverify schemas peridio | head`) closes the pipe: stop quietly,
// as other command-line tools do, instead of crashing on EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

const code = await main(process.argv.slice(2), createOutput(), packageRoot()?.version ?? 'unknown');
// Let pending writes to a pipe finish instead of cutting them off with process.exit().
process.exitCode = code;
