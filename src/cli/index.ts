#!/usr/bin/env node
// The `hookverify` executable (package.json "bin"). Node-only, unlike the library entries.
import { main } from './main.js';
import { createOutput } from './output.js';
import { packageRoot } from './package-root.js';

const code = await main(process.argv.slice(2), createOutput(), packageRoot()?.version ?? 'unknown');
// Let pending writes to a pipe finish instead of cutting them off with process.exit().
process.exitCode = code;
