// The package's public entry points: subpath -> source file. tsup, typedoc, the size budget
// and the export map are all derived from this list (`npm run sync:exports` rewrites
// package.json; the test suite fails when the two disagree).
export const entries = {
  '.': 'src/index.ts',
  './peridio': 'src/senders/peridio/index.ts',
  './edgesense': 'src/senders/edgesense/index.ts',
  './standard-webhooks': 'src/senders/standard-webhooks/index.ts',
  './testing': 'src/testing/index.ts',
  './dedupe': 'src/dedupe/index.ts',
  './redis': 'src/dedupe/redis/index.ts',
  './events': 'src/events/index.ts',
  './peridio/events': 'src/senders/peridio/events/index.ts',
  './edgesense/events': 'src/senders/edgesense/events/index.ts',
  './fetch': 'src/adapters/fetch/index.ts',
  './express': 'src/adapters/express/index.ts',
  './fastify': 'src/adapters/fastify/index.ts',
  './next': 'src/adapters/next/index.ts',
};

/** dist path (without extension) for a subpath: "." -> "index", "./peridio" -> "peridio/index". */
export function distName(subpath) {
  return subpath === '.' ? 'index' : `${subpath.slice(2)}/index`;
}

export function exportMap() {
  const map = {};
  for (const subpath of Object.keys(entries)) {
    const base = `./dist/${distName(subpath)}`;
    map[subpath] = {
      import: { types: `${base}.d.ts`, default: `${base}.js` },
      require: { types: `${base}.d.cts`, default: `${base}.cjs` },
    };
  }
  map['./package.json'] = './package.json';
  return map;
}
