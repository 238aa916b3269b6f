import { readdirSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleEdgeSenseEvent, sampleEdgeSenseEventNames, samplePeridioEvent, samplePeridioEventNames } from '../../../src/testing/sample-events.js';
import { ensureBuiltCli, runCli } from '../run-cli.js';

beforeAll(() => ensureBuiltCli(), 120_000);

const onDisk = (catalog: string) =>
  readdirSync(`schemas/${catalog}`).filter((file) => file.endsWith('.json')).map((file) => file.slice(0, -5)).sort();

function compile(schema: object) {
  const ajv = new Ajv2020.default({ strict: false, allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

describe('hookverify schemas', () => {
  it('lists every catalog and event type shipped under schemas/', async () => {
    const result = await runCli(['schemas', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ edgesense: onDisk('edgesense'), peridio: onDisk('peridio') });
    const list = await runCli(['schemas', 'peridio', '--list']);
    expect(list.stdout.trim().split('\n')).toEqual(onDisk('peridio'));
    expect(onDisk('peridio')).toContain('device.release-changed');
  });

  it('prints the JSON Schema of one event type, taking either subtype spelling', async () => {
    const expected = JSON.parse(readFileSync('schemas/peridio/device.release-changed.json', 'utf8')) as object;
    for (const name of ['device.release-changed', 'device.release_changed']) {
      const result = await runCli(['schemas', 'peridio', name]);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual(expected);
    }
  });

  it.each([
    ['peridio', samplePeridioEventNames, (name: string) => samplePeridioEvent(name as never) as object],
    ['edgesense', sampleEdgeSenseEventNames, (name: string) => sampleEdgeSenseEvent(name as never) as object],
  ] as const)('the %s catalog schema accepts every sample event and refuses a broken one', async (catalog, names, sample) => {
    const result = await runCli(['schemas', catalog]);
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout) as { anyOf: unknown[]; $defs: Record<string, unknown>; $schema: string };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(schema.$defs).sort()).toEqual(onDisk(catalog));
    expect(schema.anyOf).toHaveLength(onDisk(catalog).length);
    const validate = compile(schema);
    for (const name of names) expect(validate(sample(name)), `${catalog} ${name}`).toBe(true);
    expect(validate({ hello: 'world' })).toBe(false);
    expect(validate([sample(names[0]!)])).toBe(false);
  });

  it('an unknown catalog or event type is a usage error (2)', async () => {
    const catalog = await runCli(['schemas', 'stripe']);
    expect(catalog).toMatchObject({ code: 2, stdout: '' });
    expect(catalog.stderr).toBe('hookverify: no catalog "stripe"; one of edgesense, peridio\n');
    const event = await runCli(['schemas', 'edgesense', 'device.melted']);
    expect(event.code).toBe(2);
    expect(event.stderr).toContain('edgesense has no event type "device.melted"; one of config.update, device.alert');
  });
});
