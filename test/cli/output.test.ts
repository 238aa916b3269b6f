import { expect, it } from 'vitest';
import { createOutput } from '../../src/cli/output.js';

function sink() {
  const written: string[] = [];
  const stream = { write: (text: string) => written.push(text) > 0, isTTY: false } as unknown as NodeJS.WriteStream;
  return { stream, text: () => written.join('') };
}

it('masks every registered secret in results, diagnostics and JSON', () => {
  const stdout = sink();
  const stderr = sink();
  const output = createOutput(stdout.stream, stderr.stream);
  output.addSecret('5F2D0B5C4A1E49E6B0A6C3D1E2F40718');
  output.out('key 5F2D0B5C4A1E49E6B0A6C3D1E2F40718 twice 5F2D0B5C4A1E49E6B0A6C3D1E2F40718');
  output.err('bad 5F2D0B5C4A1E49E6B0A6C3D1E2F40718');
  output.json({ secret: '5F2D0B5C4A1E49E6B0A6C3D1E2F40718' });
  expect(stdout.text()).toBe('key [redacted] twice [redacted]\n{\n  "secret": "[redacted]"\n}\n');
  expect(stderr.text()).toBe('bad [redacted]\n');
});

it('leaves secrets under 8 characters alone, so ordinary words are not garbled', () => {
  const stdout = sink();
  const output = createOutput(stdout.stream, sink().stream);
  output.addSecret('test');
  output.out('webhook.test-fire');
  expect(stdout.text()).toBe('webhook.test-fire\n');
});
