import { ApiVersion } from '@shopify/shopify-api';
import { describe, expect, it } from 'vitest';
import { createShopifyVerifier, shopify } from '../../../src/senders/shopify/index.js';
import { shopifyOracle } from '../../oracles/shopify.js';
import { describeConformance } from '../conformance.js';
import { conformanceCase, describeVendorChecks, SIGNED_AT, type VendorCase } from '../vendor-checks.js';

const vendor: VendorCase = {
  sender: shopify,
  create: createShopifyVerifier,
  oracle: shopifyOracle,
  // The SDK refuses a delivery without these, although none of them is signed.
  headers: {
    'x-shopify-topic': 'orders/create',
    'x-shopify-shop-domain': 'hookverify-oracle.myshopify.com',
    'x-shopify-api-version': ApiVersion.July25,
    'x-shopify-webhook-id': shopifyOracle.example.id,
  },
  unsignedHeaders: ['x-shopify-webhook-id', 'x-shopify-event-id', 'x-shopify-triggered-at'],
};
describeVendorChecks(vendor);

describeConformance(conformanceCase(vendor, (ms) => ({ id: 820982911946154, email: 'jon@example.com', created_at: new Date(ms).toISOString() })));

describe('shopify: the unsigned topic', () => {
  it('is the event type only because the definition accepts it unsigned: a replay can relabel the body', async () => {
    expect(shopify.eventType).toMatchObject({ kind: 'header', name: 'x-shopify-topic' });
    expect(shopify.unsignedEventTypeAllowsRelabeling).toBe(true);
    const key = shopifyOracle.keys().signingKey;
    const signed = shopifyOracle.reference.sign({ ...shopifyOracle.example, key, timestamp: SIGNED_AT });
    const verifier = createShopifyVerifier({ secret: key });
    const original = await verifier.verify(signed);
    expect(original.eventType).toBe('orders/create');
    const relabeled = await verifier.verify({ ...signed, headers: { ...signed.headers, 'x-shopify-topic': 'refunds/create' } });
    expect(relabeled).toMatchObject({ eventType: 'refunds/create', id: original.id, replayable: true });
  });
});
