import { describe, expect, it } from 'vitest';
import { MAX_ENTRIES } from '../../../../src/core/scheme/signatures/entry-limit.js';

describe('MAX_ENTRIES', () => {
  it('is the 16 signatures docs/threat-model.md and the README promise', () => {
    expect(MAX_ENTRIES).toBe(16);
  });
});
