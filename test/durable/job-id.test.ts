import { describe, expect, it } from 'vitest';
import { decodeJobId, encodeJobId } from '../../src/durable/job-id.js';

describe('encodeJobId / decodeJobId', () => {
  it("escapes ':' and '%' in a Peridio key, and decodes it back", () => {
    const key = 'peridio:prn:1:be4d30b4-de6b-47cd-85ea-a75e23fd63ef:event:1%';
    const id = encodeJobId(key);
    expect(id).toBe('peridio%3Aprn%3A1%3Abe4d30b4-de6b-47cd-85ea-a75e23fd63ef%3Aevent%3A1%25');
    expect(decodeJobId(id)).toBe(key);
  });

  it('keeps apart keys that differ only by an escape-looking text', () => {
    expect(encodeJobId('a:b')).not.toBe(encodeJobId('a%3Ab'));
    expect(decodeJobId(encodeJobId('a%3Ab'))).toBe('a%3Ab');
  });

  it('refuses ids encodeJobId cannot have produced', () => {
    expect(decodeJobId('job:1')).toBeUndefined();
    expect(decodeJobId('50%')).toBeUndefined();
    expect(decodeJobId('%3a')).toBeUndefined();
    expect(decodeJobId('')).toBe('');
  });
});
