import { ConfigurationError } from '../core/errors.js';
import { decodeSecrets, type SecretInput } from '../core/secrets.js';
import type { Sender } from '../core/sender.js';
import { inputError } from './cli-error.js';

/**
 * Decodes each secret once in the sender's encoding, so a bad one is reported by where it came
 * from (`env:PERIDIO_SECRET`) rather than by position; the library's message never holds the value.
 */
export function checkSecrets(secrets: readonly SecretInput[], sender: Sender): void {
  for (const input of secrets) {
    try {
      decodeSecrets(input, sender.algorithm.key);
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      const label = typeof input === 'object' && !(input instanceof Uint8Array) ? input.label : undefined;
      throw inputError(label === undefined ? error.message : error.message.replace(/^the secret\b/, `the secret from ${label}`));
    }
  }
}
