import { createHmac } from 'node:crypto';
import { validateSignature } from '@line/bot-sdk';
import { describe, expect, it } from 'vitest';
import { createLineVerifier, line } from '../../../src/senders/line/index.js';
import { lineOracle } from '../../oracles/line.js';
import { describeConformance, expectCode } from '../conformance.js';
import { conformanceCase, describeVendorChecks, type VendorCase } from '../vendor-checks.js';

const vendor: VendorCase = { sender: line, create: createLineVerifier, oracle: lineOracle };
describeVendorChecks(vendor);

describeConformance(conformanceCase(vendor, (ms) => ({ destination: 'U0123456789abcdef', events: [{ type: 'message', timestamp: ms, webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR' }] })));

describe('line: the signature text', () => {
  it('takes canonical base64 only, where the SDK also takes base64url', async () => {
    const secret = lineOracle.keys().signingKey;
    // A body whose signature has a "+" or "/", so that its base64url text differs.
    const body = Array.from({ length: 64 }, (_, n) => `{"destination":"U1","events":[],"n":${n}}`).find((candidate) =>
      /[+/]/.test(createHmac('sha256', secret).update(candidate).digest('base64')),
    )!;
    const signature = createHmac('sha256', secret).update(body).digest('base64url');
    expect(validateSignature(body, secret, signature)).toBe(true);
    await expectCode(createLineVerifier({ secret }), { body, headers: { 'x-line-signature': signature } }, 'malformed_header');
  });
});
