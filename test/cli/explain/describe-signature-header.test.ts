import { describe, expect, it } from 'vitest';
import { describeSignatureHeader } from '../../../src/cli/explain/describe-signature-header.js';
import { edgesense } from '../../../src/senders/edgesense/sender.js';
import { peridio } from '../../../src/senders/peridio/sender.js';
import { standardWebhooks } from '../../../src/senders/standard-webhooks/sender.js';

const HEX = 'AB'.repeat(32);
const B64 = `${'A'.repeat(43)}=`;

describe('describeSignatureHeader', () => {
  it('counts well-formed signatures, with whitespace around separators', () => {
    expect(describeSignatureHeader(peridio, `${HEX} , ${HEX.toLowerCase()}`)).toEqual({ signatures: 2, otherVersions: 0, problems: [] });
    expect(describeSignatureHeader(standardWebhooks, `v1a,xyz v1,${B64}`)).toEqual({ signatures: 1, otherVersions: 1, problems: [] });
  });

  it('says what is wrong with each bad entry', () => {
    expect(describeSignatureHeader(peridio, `${HEX},${HEX.slice(2)}`).problems).toEqual([
      'signature 2 of 2 decodes to 31 bytes, not the 32 of an HMAC-SHA256 (64 hex characters); is it a SHA-1 or a truncated value?',
    ]);
    expect(describeSignatureHeader(peridio, `${HEX.slice(1)}Z`).problems).toEqual(['the signature is not hex (64 characters, with non-hex characters)']);
    expect(describeSignatureHeader(peridio, HEX.slice(1)).problems).toEqual(['the signature is not hex (63 characters, an odd number)']);
    expect(describeSignatureHeader(standardWebhooks, 'v1,abc').problems).toEqual(['the signature is not padded standard base64 (3 characters)']);
  });

  it('notices a list sent by a sender that sends one signature', () => {
    expect(describeSignatureHeader(edgesense, `${HEX.toLowerCase()}, ${HEX.toLowerCase()}`).problems).toContain(
      'edgesense sends exactly one signature; this header looks like a list',
    );
  });
});
