import { builtinModules } from 'node:module';
import { build } from 'esbuild';
import { entries } from '../../scripts/entries.mjs';

/**
 * What an entry imports at run time once its own sources are bundled: the package names and
 * `node:` modules left outside, i.e. what a user's bundler or runtime must resolve.
 */
export async function runtimeImportsOf(subpath: string): Promise<string[]> {
  const source = entries[subpath];
  if (source === undefined) throw new Error(`no entry ${subpath}`);
  return runtimeImportsOfFile(source);
}

/** The same for one source file, or for module text (`{ contents }`) resolved from the repo root. */
export async function runtimeImportsOfFile(source: string | { readonly contents: string }): Promise<string[]> {
  const { metafile } = await build({
    ...(typeof source === 'string'
      ? { entryPoints: [source] }
      : { stdin: { contents: source.contents, resolveDir: process.cwd(), loader: 'ts' as const } }),
    bundle: true,
    write: false,
    metafile: true,
    platform: 'neutral',
    packages: 'external',
    external: ['node:*'],
    logLevel: 'silent',
  });
  return Object.values(metafile.outputs).flatMap((output) => output.imports.map((entry) => entry.path));
}

const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/**
 * The imports that are Node's own modules, written `node:crypto` or bare (`crypto`,
 * `stream/web`): a bare name is left external as if it were a package, so a `node:` prefix
 * check alone misses it.
 */
export function nodeBuiltinsIn(imports: readonly string[]): string[] {
  return imports.filter((path) => BUILTINS.has(path) || path.startsWith('node:'));
}
