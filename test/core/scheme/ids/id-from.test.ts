import { describe, expect, it } from 'vitest';
import { nodeCryptoBackend } from '../../../../src/crypto/node.js';
import { idFrom } from '../../../../src/core/scheme/ids/id-from.js';

describe('idFrom', () => {
  it('calls the function with the verified payload and headers; only a non-empty string is an id', () => {
    const id = idFrom(({ payload, headers }) => (payload as { id?: string }).id ?? (headers as Record<string, string>)['x-id']);
    const backend = nodeCryptoBackend()!;
    expect(id.compute({ payload: { id: 'e1' }, headers: {}, body: '' }, backend)).toBe('e1');
    expect(id.compute({ payload: {}, headers: { 'x-id': 'h' }, body: '' }, backend)).toBe('h');
    expect(id.compute({ payload: { id: '' }, headers: {}, body: '' }, backend)).toBeUndefined();
    expect(idFrom(() => 5 as never).compute({ payload: {}, headers: {}, body: '' }, backend)).toBeUndefined();
    expect(id.kind).toBe('function');
  });
});
