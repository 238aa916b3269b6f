// Installs the package as a user would: `npm pack`, then the tarball into a fresh project in a
// temporary directory (zod and the optional peers from npm's cache where `npm ci` filled it; a
// fresh machine's cache holds tarballs but not the registry's package documents, so npm may
// still ask the registry), then loads every entry from ESM and from CommonJS and type-checks a TypeScript
// consumer under "moduleResolution" node16, bundler and node10 (TypeScript's legacy "node", still
// its default for "module": "commonjs", which reads "typesVersions" instead of "exports"). Run
// after the build (scripts/ci/30-build.sh).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { entries } from './entries.mjs';

const root = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'hookverify-consumer-'));
const keep = process.env.HOOKVERIFY_KEEP_CONSUMER === '1';
const run = (command, args, cwd = dir) => execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
const version = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
const specifiers = Object.keys(entries).map((subpath) => (subpath === '.' ? 'hookverify' : `hookverify/${subpath.slice(2)}`));

try {
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir], root));
  console.log(`packed ${packed.filename}: ${packed.entryCount} files, ${(packed.size / 1024).toFixed(1)} KiB`);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'hookverify-consumer', private: true, type: 'module' }, null, 2));
  // fastify, bullmq and pg-boss: the optional peers whose types the declarations import
  // (hookverify/fastify, hookverify/bullmq, hookverify/pg-boss; bullmq is also loaded at run
  // time); fastify's own types need @types/node, as every Node consumer has.
  const extras = ['fastify', '@types/node', 'bullmq', 'pg-boss'].map((name) => `${name}@${version(name)}`);
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', join(dir, packed.filename), ...extras]);

  // Every entry loads, from both module systems, and exports something.
  const check = (kind, load) => `
for (const specifier of ${JSON.stringify(specifiers)}) {
  const module = ${load};
  const names = Object.keys(module).filter((name) => name !== 'default' && name !== '__esModule');
  if (names.length === 0) throw new Error(\`${kind}: \${specifier} exports nothing\`);
}
console.log('${kind}: ${specifiers.length} entries load');
`;
  writeFileSync(join(dir, 'load.mjs'), check('ESM', 'await import(specifier)'));
  writeFileSync(join(dir, 'load.cjs'), `(async () => {${check('CommonJS', 'require(specifier)')}})().catch((error) => { console.error(error); process.exit(1); });`);
  console.log(run('node', ['load.mjs']).trim());
  console.log(run('node', ['load.cjs']).trim());

  // A behavioural smoke test through the installed package: sign, verify, refuse a forgery.
  writeFileSync(
    join(dir, 'smoke.mjs'),
    `import { createPeridioVerifier, peridio } from 'hookverify/peridio';
import { signDelivery } from 'hookverify/testing';
import { WebhookVerificationError } from 'hookverify';
const secret = '0123456789ABCDEF0123456789ABCDEF';
const verifier = createPeridioVerifier({ secret });
const signed = await signDelivery(peridio, { secret, body: { prn: 'prn:1:4e33149b-637d-4679-b64f-4905e7a0cf8c:event:0b2e4f3c-8a1d-4c5e-9f6a-7b8c9d0e1f2a' } });
const delivery = await verifier.verify(signed);
if (!delivery.id?.startsWith('prn:1:')) throw new Error('no id');
const error = await verifier.verify({ ...signed, body: signed.body + ' ' }).catch((e) => e);
if (!(error instanceof WebhookVerificationError) || error.code !== 'invalid_signature') throw new Error('forgery accepted');
console.log('smoke: verified and refused through the installed package');
`,
  );
  console.log(run('node', ['smoke.mjs']).trim());

  // Types: every entry imported and used from an ESM and a CommonJS TypeScript module.
  const imports = specifiers.map((specifier, i) => `import * as entry${i} from '${specifier}';`).join('\n');
  const uses = `export const loaded = [${specifiers.map((_, i) => `entry${i}`).join(', ')}].length;
import { createPeridioVerifier } from 'hookverify/peridio';
import { createVerifier, defineSender, type Verifier, type VerifyOutcome } from 'hookverify';
const verifier: Verifier = createPeridioVerifier({ secret: '0123456789ABCDEF0123456789ABCDEF' });
const custom = createVerifier(defineSender({ name: 'acme', signature: { header: 'x-sig', encoding: 'hex' }, signedContent: '{body}', secretEncoding: 'utf8' }), { secret: 's' });
export async function check(body: Uint8Array, headers: Headers): Promise<string> {
  const outcome: VerifyOutcome = await verifier.safeVerify({ body, headers });
  await custom.safeVerify({ body, headers });
  // @ts-expect-error a parsed body is not a RawBody
  await verifier.safeVerify({ body: { parsed: true }, headers });
  return outcome.ok ? String(outcome.delivery.id) : outcome.code;
}
`;
  writeFileSync(join(dir, 'consumer.mts'), `${imports}\n${uses}`);
  writeFileSync(join(dir, 'consumer.cts'), `${imports}\n${uses}`);
  writeFileSync(join(dir, 'consumer.ts'), `${imports}\n${uses}`);
  const base = { strict: true, noEmit: true, skipLibCheck: false, types: ['node'], lib: ['ES2022', 'DOM'], target: 'ES2022' };
  const configs = {
    'tsconfig.node16.json': { compilerOptions: { ...base, module: 'node16', moduleResolution: 'node16' }, files: ['consumer.mts', 'consumer.cts'] },
    'tsconfig.bundler.json': { compilerOptions: { ...base, module: 'preserve', moduleResolution: 'bundler' }, files: ['consumer.mts'] },
    // esModuleInterop as `tsc --init` writes it: without it, zod's and pino's own declarations
    // fail under node10, whoever imports them.
    'tsconfig.node10.json': { compilerOptions: { ...base, module: 'commonjs', moduleResolution: 'node', esModuleInterop: true }, files: ['consumer.ts'] },
  };
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  for (const [file, config] of Object.entries(configs)) {
    writeFileSync(join(dir, file), JSON.stringify(config, null, 2));
    execFileSync('node', [tsc, '-p', file], { cwd: dir, stdio: 'inherit' });
    console.log(`types: ${specifiers.length} entries check under ${config.compilerOptions.moduleResolution}`);
  }
} finally {
  if (keep) console.log(`consumer project kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
