import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface PackageRoot {
  readonly dir: string;
  readonly version: string;
}

let found: PackageRoot | null | undefined;

/**
 * The installed hookverify package (its folder holds `schemas/`), found by walking up from this
 * file: the same code runs bundled as dist/cli/index.js and from source under src/cli/.
 */
export function packageRoot(): PackageRoot | undefined {
  if (found !== undefined) return found ?? undefined;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'hookverify') {
        found = { dir, version: pkg.version ?? 'unknown' };
        return found;
      }
    } catch {
      // No package.json here, or not JSON: keep climbing.
    }
    const parent = dirname(dir);
    if (parent === dir) {
      found = null;
      return undefined;
    }
    dir = parent;
  }
}
