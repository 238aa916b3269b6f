import { describe, expect, it } from 'vitest';
import { jobUuid } from '../../src/durable/job-uuid.js';

describe('jobUuid', () => {
  it('is the same UUID (version 8, RFC 9562 variant) for the same key, and another for another key', async () => {
    const key = 'peridio:prn:1:be4d30b4-de6b-47cd-85ea-a75e23fd63ef:event:1';
    const id = await jobUuid(key);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await jobUuid(key)).toBe(id);
    expect(await jobUuid(`${key}2`)).not.toBe(id);
  });
});
