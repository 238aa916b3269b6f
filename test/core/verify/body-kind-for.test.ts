import { describe, expect, it } from 'vitest';
import { bytesBody } from '../../../src/core/scheme/bodies/bytes-body.js';
import { formBody } from '../../../src/core/scheme/bodies/form-body.js';
import { bodyKindFor } from '../../../src/core/verify/body-kind-for.js';
import { github } from '../../../src/senders/github/index.js';
import { peridio } from '../../../src/senders/peridio/index.js';

describe('bodyKindFor', () => {
  it("is the sender's own kind, or the one named, under the composer's body-field rule", () => {
    expect(bodyKindFor(peridio, undefined)).toBe(peridio.body);
    expect(bodyKindFor(github, 'bytes')).toBe(bytesBody);
    expect(bodyKindFor(github, formBody)).toBe(formBody);
    expect(bodyKindFor(peridio, 'form')).toBe(formBody);
    expect(() => bodyKindFor(peridio, 'text')).toThrow(/"prn" field needs a JSON or form body, and this sender's body is "text"/);
    expect(() => bodyKindFor(github, 'xml' as never)).toThrow(/body must be "json", "form", "text" or "bytes"/);
  });
});
