import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { edgesenseEvents } from '../../src/senders/edgesense/events/index.js';
import { peridioEvents } from '../../src/senders/peridio/events/index.js';
import { sampleEdgeSenseEvent, samplePeridioEvent } from '../../src/testing/index.js';
import guideExamples from '../senders/peridio/events/fixtures/guide-examples.json' with { type: 'json' };

// The shipped JSON Schemas, checked with an independent validator against the same payloads
// the zod schemas accept and refuse.
const ajv = new Ajv2020.default({ strict: false, allErrors: true });
addFormats.default(ajv);

function shipped(catalog: string, name: string) {
  const document = JSON.parse(readFileSync(new URL(`../../schemas/${catalog}/${name}.json`, import.meta.url), 'utf8')) as object;
  return ajv.compile(document);
}

describe('shipped JSON Schemas', () => {
  it.each([...peridioEvents.eventNames])('peridio %s accepts the sample and refuses it without data.data', (name) => {
    const validate = shipped('peridio', name);
    const sample = samplePeridioEvent(name);
    expect(validate(sample), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...sample, data: { type: sample.data.type } })).toBe(false);
    expect(validate({ ...sample, prn: 'prn:1:nope' })).toBe(false);
    expect(validate({ ...sample, inserted_at: 'yesterday' })).toBe(false);
    expect(validate({ ...sample, extra: { kept: true } })).toBe(true);
  });

  it.each((guideExamples as { type: string; data: { type: string } }[]).map((example) => [example, peridioEvents.parseOrThrow(example).name]))(
    'peridio guide example of %#: %s is accepted',
    (example, name) => {
      const validate = shipped('peridio', name);
      expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    },
  );

  it.each([...edgesenseEvents.eventNames])('edgesense %s accepts the sample and refuses it without deviceId', (name) => {
    const validate = shipped('edgesense', name);
    const sample: Record<string, unknown> = sampleEdgeSenseEvent(name);
    expect(validate(sample), JSON.stringify(validate.errors)).toBe(true);
    const { deviceId: _deviceId, ...withoutDevice } = sample;
    expect(validate(withoutDevice)).toBe(false);
  });

  it('are importable by users as hookverify/schemas/<sender>/<event>.json', () => {
    const require = createRequire(import.meta.url);
    const path = require.resolve('hookverify/schemas/edgesense/device.data.json');
    expect(path).toBe(new URL('../../schemas/edgesense/device.data.json', import.meta.url).pathname);
    expect((require(path) as { title: string }).title).toBe('edgesense device.data');
  });
});
