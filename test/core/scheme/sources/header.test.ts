import { describe, expect, it } from 'vitest';
import { header } from '../../../../src/core/scheme/sources/header.js';
import type { Binder } from '../../../../src/core/scheme/types.js';

describe('header', () => {
  it('is a frozen source keyed by its lower-case name, bound to that header slot', () => {
    const source = header('Webhook-Id');
    expect(source).toMatchObject({ kind: 'header', name: 'webhook-id', key: 'header:webhook-id', label: 'the webhook-id header' });
    expect(Object.isFrozen(source)).toBe(true);
    const asked: string[] = [];
    expect(source.bind({ header: (name: string) => (asked.push(name), 7) } as unknown as Binder)).toBe(7);
    expect(asked).toEqual(['webhook-id']);
    expect(header('webhook-id').key).toBe(source.key);
  });

  it('refuses a name that is not a header name', () => {
    expect(() => header('x y')).toThrow(/header\("x y"\) must be an HTTP header name/);
  });
});
