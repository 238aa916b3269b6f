import { describe, expect, it } from 'vitest';
import { body } from '../../../../src/core/scheme/sources/body.js';

describe('body', () => {
  it('is one frozen piece: the raw body', () => {
    expect(body).toEqual({ kind: 'body', key: 'body', label: 'the body' });
    expect(Object.isFrozen(body)).toBe(true);
  });
});
