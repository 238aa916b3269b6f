// How a size is measured, shared by scripts/bundle-size.mjs and bench/size-floor/measure.mjs:
// esbuild as a user's bundler would run it, minified and tree-shaken, for every runtime
// (platform neutral), node: modules and the given packages left to the host.
export function sizeBuildOptions(contents, resolveDir, external = []) {
  return {
    stdin: { contents, resolveDir, loader: 'ts', sourcefile: 'size-probe.ts' },
    bundle: true,
    minify: true,
    treeShaking: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    mainFields: ['module', 'main'],
    conditions: ['import', 'default'],
    external: ['node:*', ...external],
    write: false,
    metafile: true,
    logLevel: 'silent',
  };
}
