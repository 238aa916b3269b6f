import { readFileSync } from 'node:fs';
import { inputError } from './cli-error.js';

/** Reads a file, or stdin for `-`, as the exact bytes: a body must never be re-encoded. */
export function readBytes(path: string, what: string): Uint8Array {
  try {
    // File descriptor 0 reads all of stdin, piped or redirected.
    const buffer = readFileSync(path === '-' ? 0 : path);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw inputError(`cannot read ${what} from ${path === '-' ? 'stdin' : path}: ${code}`);
  }
}
