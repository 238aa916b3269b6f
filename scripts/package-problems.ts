// What must not be in the published tarball, and what must: given the file list `npm pack`
// reports and package.json, names every test or fixture file, source map, secret-bearing
// dotfile, source-map or source-URL comment that points outside the package, required file
// missing, and file package.json points at that the tarball lacks.
import { posix } from 'node:path';

export interface PackedFile {
  /** Relative to the package root, with forward slashes, as npm lists it. */
  readonly path: string;
  /** The contents of script files (.js, .cjs, .mjs), to read their trailing comments. */
  readonly text?: string;
}

/** The package.json fields that name files. */
export interface PackageManifest {
  readonly main?: string;
  readonly module?: string;
  readonly types?: string;
  readonly bin?: string | Readonly<Record<string, string>>;
  readonly exports?: unknown;
  readonly typesVersions?: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
}

export const REQUIRED_FILES = ['package.json', 'README.md', 'LICENSE', 'SECURITY.md'] as const;

const FORBIDDEN: readonly [RegExp, string][] = [
  [/(^|\/)(test|tests|__tests__|e2e)\//, 'a test file'],
  [/\.(test|spec|test-d|e2e)\.[cm]?[jt]sx?$/, 'a test file'],
  [/(^|\/)(fixtures?|__fixtures__|__mocks__)\//, 'a fixture'],
  [/\.map$/, 'a source map (its sources are the repository files, which are not shipped)'],
  [/(^|\/)\.(env(\..*)?|npmrc)$/, 'a file that holds credentials'],
  [/\.tgz$/, 'a packed tarball'],
];

/** `//# sourceMappingURL=…` and `//# sourceURL=…` (and the old `//@` form), on their own line. */
const URL_COMMENT = /^\s*\/\/[#@]\s*(sourceMappingURL|sourceURL)=(\S*)\s*$/gm;
export const SCRIPT_FILE = /\.[cm]?js$/;

function commentProblem(file: string, kind: string, url: string, packed: ReadonlySet<string>): string | undefined {
  if (url.startsWith('data:')) return `${file}: an inline source map (${kind})`;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('/')) return `${file}: ${kind} points outside the package (${url})`;
  const target = posix.normalize(posix.join(posix.dirname(file), url.split(/[?#]/)[0]!));
  if (target.startsWith('../')) return `${file}: ${kind} points outside the package (${url})`;
  if (!packed.has(target)) return `${file}: ${kind} names ${target}, which is not in the package`;
  return undefined;
}

function manifestTargets(manifest: PackageManifest): { field: string; target: string }[] {
  const targets: { field: string; target: string }[] = [];
  const add = (field: string, value: unknown): void => {
    if (typeof value === 'string') targets.push({ field, target: value });
    else if (Array.isArray(value)) value.forEach((item, i) => add(`${field}[${i}]`, item));
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) add(`${field}["${key}"]`, item);
  };
  for (const field of ['main', 'module', 'types', 'bin', 'exports', 'typesVersions'] as const) add(field, manifest[field]);
  return targets;
}

/** Whether a package.json target ("./dist/x.js", "./schemas/*") names at least one packed file. */
function targetPacked(target: string, packed: ReadonlySet<string>): boolean {
  const path = posix.normalize(target);
  if (!path.includes('*')) return packed.has(path);
  const [before, after] = path.split('*') as [string, string];
  return [...packed].some((file) => file.startsWith(before) && file.endsWith(after) && file.length >= before.length + after.length);
}

/** Every reason the tarball is not fit to publish; empty when it is. */
export function packageProblems(manifest: PackageManifest, files: readonly PackedFile[]): string[] {
  const packed = new Set(files.map((file) => file.path));
  const problems: string[] = [];
  for (const required of REQUIRED_FILES) if (!packed.has(required)) problems.push(`${required} is missing`);
  for (const file of files) {
    const reason = FORBIDDEN.find(([pattern]) => pattern.test(file.path))?.[1];
    if (reason !== undefined) problems.push(`${file.path}: ${reason}`);
    for (const [, kind, url] of file.text?.matchAll(URL_COMMENT) ?? []) {
      const problem = commentProblem(file.path, kind!, url!, packed);
      if (problem !== undefined) problems.push(problem);
    }
  }
  for (const { field, target } of manifestTargets(manifest)) {
    if (!targetPacked(target, packed)) problems.push(`package.json ${field} names ${target}, which is not in the package`);
  }
  return problems;
}
