import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/core/errors.js';
import { defineSender, type SenderDefinition } from '../../src/core/sender.js';

const base: SenderDefinition = {
  name: 'acme',
  signature: { header: 'X-Acme-Signature', encoding: 'hex', prefix: 'sha256=' },
  signedContent: '{X-Acme-Timestamp}.{body}',
  secretEncoding: 'utf8',
  timestamp: { header: 'X-Acme-Timestamp', format: 'unix-seconds' },
  id: { header: 'X-Acme-Delivery' },
};

function configError(definition: unknown): ConfigurationError {
  try {
    defineSender(definition as SenderDefinition);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).code).toBe('invalid_option');
    return error as ConfigurationError;
  }
  throw new Error('defineSender accepted an invalid definition');
}

describe('defineSender', () => {
  it('lower-cases header names, splits the template and freezes the result', () => {
    const sender = defineSender(base);
    expect(sender.signature.header).toBe('x-acme-signature');
    expect(sender.timestamp).toEqual({ header: 'x-acme-timestamp', format: 'unix-seconds' });
    expect(sender.id).toEqual({ header: 'x-acme-delivery' });
    expect(sender.signedParts).toEqual([
      { kind: 'header', name: 'x-acme-timestamp' },
      { kind: 'literal', text: '.' },
      { kind: 'body' },
    ]);
    expect(Object.isFrozen(sender)).toBe(true);
    expect(Object.isFrozen(sender.signature)).toBe(true);
    expect(() => {
      (sender as { name: string }).name = 'x';
    }).toThrow(TypeError);
  });

  it('parses templates with literals around the body and several headers', () => {
    const sender = defineSender({ ...base, signedContent: 'v0:{x-acme-timestamp}:{x-acme-delivery}:{body}!', id: undefined });
    expect(sender.signedParts).toEqual([
      { kind: 'literal', text: 'v0:' },
      { kind: 'header', name: 'x-acme-timestamp' },
      { kind: 'literal', text: ':' },
      { kind: 'header', name: 'x-acme-delivery' },
      { kind: 'literal', text: ':' },
      { kind: 'body' },
      { kind: 'literal', text: '!' },
    ]);
    expect(defineSender({ ...base, signedContent: '}{body}', timestamp: undefined }).signedParts[0]).toEqual({ kind: 'literal', text: '}' });
  });

  it.each([
    ['no {body}', '{x-acme-timestamp}.'],
    ['{body} twice', '{x-acme-timestamp}{body}{body}'],
    ['an unclosed brace', '{x-acme-timestamp}.{body'],
    ['an empty placeholder', '{}{x-acme-timestamp}{body}'],
    ['a placeholder that is not a header name', '{x acme}{x-acme-timestamp}{body}'],
    ['an empty template', ''],
  ])('refuses a template with %s', (_what, signedContent) => {
    expect(configError({ ...base, signedContent }).message).toMatch(/signedContent/);
  });

  it('refuses a timestamp header that is not signed, since a replayer could rewrite it', () => {
    const error = configError({ ...base, signedContent: '{body}' });
    expect(error.message).toMatch(/x-acme-timestamp.*signedContent/);
    expect(() => defineSender({ ...base, signedContent: '{body}', timestamp: { bodyField: 'created_at', format: 'rfc3339' } })).not.toThrow();
  });

  it.each<[string, unknown]>([
    ['no object', null],
    ['an empty name', { ...base, name: '' }],
    ['no signature', { ...base, signature: undefined }],
    ['an unknown signature encoding', { ...base, signature: { ...base.signature, encoding: 'base32' } }],
    ['a signature header that is not a header name', { ...base, signature: { ...base.signature, header: 'x sig' } }],
    ['a signature header that is not a string', { ...base, signature: { ...base.signature, header: 42 } }],
    ['an empty separator', { ...base, signature: { ...base.signature, separator: '' } }],
    ['a prefix that contains the separator', { ...base, signature: { ...base.signature, prefix: 'v1,', separator: ',' } }],
    ['a prefix that is not a string', { ...base, signature: { ...base.signature, prefix: 1 } }],
    ['an unknown secret encoding', { ...base, secretEncoding: 'latin1' }],
    ['a template that is not a string', { ...base, signedContent: undefined }],
    ['an unknown timestamp format', { ...base, timestamp: { header: 'x-acme-timestamp', format: 'iso' } }],
    ['a timestamp with neither header nor bodyField', { ...base, timestamp: { format: 'rfc3339' } }],
    ['a timestamp header that is not a string', { ...base, timestamp: { header: 5, format: 'unix-seconds' } }],
    ['an empty timestamp bodyField', { ...base, signedContent: '{body}', timestamp: { bodyField: '', format: 'rfc3339' } }],
    ['an id bodyField that is not a string', { ...base, id: { bodyField: 3 } }],
    ['an id header that is not a header name', { ...base, id: { header: 'x:y' } }],
    ['an id that is a string', { ...base, id: 'x-acme-delivery' }],
  ])('refuses %s with a ConfigurationError', (_what, definition) => {
    configError(definition);
  });

  it('accepts a function id and a body digest id', () => {
    const byFunction = defineSender({ ...base, id: ({ payload }) => String((payload as { id: string }).id) });
    expect(typeof byFunction.id).toBe('function');
    expect(defineSender({ ...base, id: { bodyDigest: 'sha256' } }).id).toEqual({ bodyDigest: 'sha256' });
  });
});
