import { describe, expect, it } from 'vitest';
import { packageProblems, type PackageManifest, type PackedFile } from '../../scripts/package-problems.js';

const manifest: PackageManifest = {
  main: './dist/index.cjs',
  types: './dist/index.d.ts',
  bin: { hookverify: 'dist/cli/index.js' },
  exports: {
    '.': { import: { types: './dist/index.d.ts', default: './dist/index.js' }, require: './dist/index.cjs' },
    './schemas/*': './schemas/*',
    './package.json': './package.json',
  },
  typesVersions: { '*': { peridio: ['./dist/peridio/index.d.ts'] } },
};

/** The shape of the real tarball: dist, schemas and the top-level documents. */
const clean: PackedFile[] = [
  { path: 'package.json' },
  { path: 'README.md' },
  { path: 'LICENSE' },
  { path: 'SECURITY.md' },
  { path: 'CHANGELOG.md' },
  { path: 'dist/index.js', text: 'export const a = 1;\n' },
  { path: 'dist/index.cjs', text: '"use strict";\nexports.a = 1;\n' },
  { path: 'dist/index.d.ts' },
  { path: 'dist/peridio/index.d.ts' },
  { path: 'dist/cli/index.js', text: '#!/usr/bin/env node\n// the # in a comment: //# is not at the start\nconsole.log(1);\n' },
  { path: 'schemas/peridio/webhook.test-fire.json' },
];

describe('packageProblems', () => {
  it('finds nothing wrong with a tarball of dist, schemas and the documents', () => {
    expect(packageProblems(manifest, clean)).toEqual([]);
  });

  it('finds test files, fixtures, source maps, credentials and tarballs planted in the package', () => {
    const planted = [
      'test/core/body.test.ts',
      'dist/verifier.test.js',
      'dist/__tests__/a.js',
      'dist/fixtures/peridio.json',
      'dist/index.js.map',
      '.env',
      'dist/.npmrc',
      'hookverify-0.1.0.tgz',
    ].map((path) => ({ path }));
    expect(packageProblems(manifest, [...clean, ...planted])).toEqual([
      'test/core/body.test.ts: a test file',
      'dist/verifier.test.js: a test file',
      'dist/__tests__/a.js: a test file',
      'dist/fixtures/peridio.json: a fixture',
      'dist/index.js.map: a source map (its sources are the repository files, which are not shipped)',
      '.env: a file that holds credentials',
      'dist/.npmrc: a file that holds credentials',
      'hookverify-0.1.0.tgz: a packed tarball',
    ]);
  });

  it('finds source-map and source-URL comments that point outside the package', () => {
    const script = (path: string, comment: string): PackedFile => ({ path, text: `export const a = 1;\n${comment}\n` });
    const files = [
      ...clean,
      script('dist/a.js', '//# sourceMappingURL=../../src/a.ts.map'),
      script('dist/b.js', '//# sourceMappingURL=data:application/json;base64,eyJ2ZXJzaW9uIjozfQ=='),
      script('dist/c.cjs', '//@ sourceMappingURL=https://example.com/c.cjs.map'),
      script('dist/d.mjs', '//# sourceURL=webpack://hookverify/src/d.ts'),
      script('dist/e.js', '//# sourceMappingURL=e.js.map'),
      script('dist/f.js', '//# sourceURL=/work/src/f.ts'),
      // Inside the package: not a comment problem.
      script('dist/g/h.js', '//# sourceURL=../index.js'),
    ];
    expect(packageProblems(manifest, files)).toEqual([
      'dist/a.js: sourceMappingURL points outside the package (../../src/a.ts.map)',
      'dist/b.js: an inline source map (sourceMappingURL)',
      'dist/c.cjs: sourceMappingURL points outside the package (https://example.com/c.cjs.map)',
      'dist/d.mjs: sourceURL points outside the package (webpack://hookverify/src/d.ts)',
      'dist/e.js: sourceMappingURL names dist/e.js.map, which is not in the package',
      'dist/f.js: sourceURL points outside the package (/work/src/f.ts)',
    ]);
  });

  it('requires LICENSE, SECURITY.md and every file package.json names', () => {
    const files = clean.filter((file) => !['LICENSE', 'SECURITY.md', 'dist/cli/index.js', 'dist/peridio/index.d.ts'].includes(file.path));
    const withoutSchemas = files.filter((file) => !file.path.startsWith('schemas/'));
    expect(packageProblems(manifest, withoutSchemas)).toEqual([
      'LICENSE is missing',
      'SECURITY.md is missing',
      'package.json bin["hookverify"] names dist/cli/index.js, which is not in the package',
      'package.json exports["./schemas/*"] names ./schemas/*, which is not in the package',
      'package.json typesVersions["*"]["peridio"][0] names ./dist/peridio/index.d.ts, which is not in the package',
    ]);
  });
});
