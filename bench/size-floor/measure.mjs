// Bundles the floor verifier (peridio-floor.ts) as scripts/bundle-size.mjs bundles an entry
// (esbuild, minified, platform neutral, gzip level 9) beside `createPeridioVerifier`, then the
// floor with less in it, to show what a 3,072 B target would cost: without the Web Crypto
// backend, and with every message cut to one character as well.
//
//   node bench/size-floor/measure.mjs
import { build } from 'esbuild';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { sizeBuildOptions } from '../../scripts/size-build-options.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const STRING = /"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`/g;

const nodeOnly = {
  name: 'node-crypto-only',
  setup(esbuild) {
    esbuild.onLoad({ filter: /src[\\/]crypto[\\/]default\.ts$/ }, () => ({
      contents: "import { nodeCryptoBackend } from './node.js';\nexport const defaultCryptoBackend = () => nodeCryptoBackend();",
      loader: 'ts',
      resolveDir: resolve(root, 'src/crypto'),
    }));
  },
};

async function minified(contents, plugins = []) {
  const result = await build({ ...sizeBuildOptions(contents, root), plugins });
  return result.outputFiles[0].text;
}

function row(name, code) {
  console.log(`${String(gzipSync(code, { level: 9 }).byteLength).padStart(6)} B gzipped  ${String(code.length).padStart(6)} B minified  ${name}`);
}

const real = "import { createPeridioVerifier } from './src/senders/peridio/index.ts';\nexport const used = [createPeridioVerifier];";
const floor = "import { createPeridioFloorVerifier } from './bench/size-floor/peridio-floor.ts';\nexport const used = [createPeridioFloorVerifier];";
row('createPeridioVerifier (hookverify/peridio, verification only)', await minified(real));
row('the floor: Peridio\'s shape written out, same behaviour', await minified(floor));
const withoutWeb = await minified(floor, [nodeOnly]);
row('the floor without the Web Crypto backend', withoutWeb);
// Long literals are the messages; short ones are names, codes and header names, kept.
row('... and every message cut to one character', withoutWeb.replace(STRING, (text) => (text.length > 24 ? '"x"' : text)));
console.log('target: 3072 B gzipped');
