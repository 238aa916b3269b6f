/** Bundles `script` (relative to `root`) and returns the path of the runnable .mjs file. */
export function bundle(root: string, script: string): Promise<string>;
