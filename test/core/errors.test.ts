import { describe, expect, it } from 'vitest';
import {
  ConfigurationError,
  DedupeError,
  EventValidationError,
  HookverifyError,
  JobError,
  PrnError,
  WebhookVerificationError,
} from '../../src/index.js';

describe('errors', () => {
  it.each([
    [WebhookVerificationError, 'invalid_signature'],
    [EventValidationError, 'invalid_event'],
    [DedupeError, 'store_unavailable'],
    [PrnError, 'malformed_prn'],
    [JobError, 'invalid_job'],
    [ConfigurationError, 'invalid_secret'],
  ] as const)('%o carries its code and name and is a HookverifyError', (ErrorClass, code) => {
    const error = new (ErrorClass as new (code: string, message: string, options?: { cause?: unknown }) => HookverifyError)(
      code,
      'what to fix',
      { cause: 'why' },
    );
    expect(error).toBeInstanceOf(HookverifyError);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe(code);
    expect(error.name).toBe(ErrorClass.name);
    expect(error.message).toBe('what to fix');
    expect(error.cause).toBe('why');
  });

  it('keeps the classes apart', () => {
    expect(new WebhookVerificationError('invalid_body', 'x')).not.toBeInstanceOf(ConfigurationError);
  });
});
